package org.shanhai.events.projects;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.shanhai.events.Warning;
import org.shanhai.events.value.CountyCode;
import org.shanhai.events.value.Money;
import org.shanhai.events.value.ProjectId;

/**
 * A programme officer's periodic update was accepted. Figures are the project's values after the
 * update (a field the officer left out keeps its last reported value); {@code plannedInvestment} is
 * null while the project's planned investment is not known; {@code warnings} lists what was
 * accepted but looks wrong.
 */
public record ProgressReported(
    ProjectId projectId,
    long sequence,
    String updateId,
    String pairingId,
    CountyCode mountainCounty,
    CountyCode partnerCounty,
    String kind,
    LocalDate reportDate,
    String status,
    Money plannedInvestment,
    Money cumulativeInvestment,
    Money fundsInPlace,
    Integer jobsCreated,
    String note,
    List<Warning> warnings,
    String submittedBy,
    Instant submittedAt) implements ProjectEvent {

  public static final String TYPE = "shanhai.project.progress-reported.v1";

  @Override
  public String aggregateId() {
    return projectId.value();
  }
}
