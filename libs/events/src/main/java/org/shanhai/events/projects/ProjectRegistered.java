package org.shanhai.events.projects;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * A cooperation project was registered under a pairing. The counties of the pairing travel with
 * it so consumers can label and route without asking the projects service.
 */
public record ProjectRegistered(
    String projectId,
    long sequence,
    String pairingId,
    String mountainCounty,
    String partnerCounty,
    String name,
    String kind,
    String hostCounty,
    @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal plannedInvestment,
    List<InvestmentPlanPoint> investmentPlan,
    LocalDate plannedStart,
    LocalDate plannedCompletion,
    String enclaveId,
    String status,
    String registeredBy,
    Instant registeredAt) implements ProjectEvent {

  public static final String TYPE = "shanhai.project.registered.v1";

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public String aggregateId() {
    return projectId;
  }
}
