package org.shanhai.events.projects;

import java.time.Instant;
import java.time.LocalDate;

/** A project moved from one status to another, as of {@code effectiveDate} (the report date of the update that moved it). */
public record ProjectStatusChanged(
    String projectId,
    long sequence,
    String pairingId,
    String mountainCounty,
    String partnerCounty,
    String kind,
    String from,
    String to,
    LocalDate effectiveDate,
    String changedBy,
    Instant changedAt) implements ProjectEvent {

  public static final String TYPE = "shanhai.project.status-changed.v1";

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public String aggregateId() {
    return projectId;
  }
}
