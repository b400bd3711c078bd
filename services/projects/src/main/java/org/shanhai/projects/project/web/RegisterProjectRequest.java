package org.shanhai.projects.project.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.shanhai.projects.project.ProjectKind;
import org.shanhai.projects.project.ProjectRegistration;
import org.shanhai.projects.project.ProjectStatus;

/**
 * {@code POST /api/v1/projects}: a project under a running pairing, with its kind, where it is, and
 * what is planned. {@code plannedInvestment} may be left out while it is not known.
 */
record RegisterProjectRequest(
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
    // Left out of the request's fingerprint while absent, so registrations sent before it existed still replay.
    @JsonInclude(JsonInclude.Include.NON_NULL) String externalCode) {

  /** The cumulative investment planned by {@code date}. */
  record PlanPoint(LocalDate date, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal cumulative) {
  }

  ProjectRegistration toCommand() {
    return new ProjectRegistration(pairingId, name, kind, hostCounty, plannedInvestment,
        investmentPlan == null ? null : investmentPlan.stream()
            .map(p -> p == null ? null : new ProjectRegistration.PlanPoint(p.date(), p.cumulative())).toList(),
        plannedStart, plannedCompletion, enclaveId, status, externalCode);
  }
}
