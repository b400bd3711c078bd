package org.shanhai.events.projects;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;
import org.shanhai.events.Warning;

/**
 * A programme officer's periodic update was accepted. Figures are the project's values after the
 * update (a field the officer left out keeps its last reported value); {@code warnings} lists what
 * was accepted but looks wrong.
 */
public record ProgressReported(
    String projectId,
    long sequence,
    String updateId,
    String pairingId,
    String mountainCounty,
    String partnerCounty,
    String kind,
    LocalDate reportDate,
    String status,
    @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal plannedInvestment,
    @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal cumulativeInvestment,
    @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal fundsInPlace,
    Integer jobsCreated,
    String note,
    List<Warning> warnings,
    String submittedBy,
    Instant submittedAt) implements ProjectEvent {

  public static final String TYPE = "shanhai.project.progress-reported.v1";

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public String aggregateId() {
    return projectId;
  }
}
