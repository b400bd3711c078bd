package org.shanhai.projects.project;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What an officer asks for when registering a project; nothing is trusted yet. The planned
 * investment may be unknown (null): enclaves are registered long before their investment is known.
 * {@code externalCode} is the county office's own code for the project (optional; unique within a
 * pairing), by which its spreadsheets name it.
 */
public record ProjectRegistration(
    String pairingId,
    String name,
    ProjectKind kind,
    String hostCounty,
    BigDecimal plannedInvestment,
    List<PlanPoint> investmentPlan,
    LocalDate plannedStart,
    LocalDate plannedCompletion,
    String enclaveId,
    ProjectStatus status,
    String externalCode) {

  /** The cumulative amount planned to be invested by {@code date}, as sent. */
  public record PlanPoint(LocalDate date, BigDecimal cumulative) {
  }
}
