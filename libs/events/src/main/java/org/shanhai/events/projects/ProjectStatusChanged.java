package org.shanhai.events.projects;

import java.time.Instant;
import java.time.LocalDate;

import org.shanhai.events.value.CountyCode;
import org.shanhai.events.value.ProjectId;

/** A project moved from one status to another, as of {@code effectiveDate} (the report date of the update that moved it). */
public record ProjectStatusChanged(
    ProjectId projectId,
    long sequence,
    String pairingId,
    CountyCode mountainCounty,
    CountyCode partnerCounty,
    String kind,
    String from,
    String to,
    LocalDate effectiveDate,
    String changedBy,
    Instant changedAt) implements ProjectEvent {

  public static final String TYPE = "shanhai.project.status-changed.v1";

  @Override
  public String aggregateId() {
    return projectId.value();
  }
}
