package org.shanhai.projects.project.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;
import org.shanhai.events.projects.InvestmentPlanPoint;
import org.shanhai.projects.project.Project;

/** A project as the API shows it: the plan, the latest reported figures, and {@code version} (also its ETag). */
record ProjectResponse(
    String id,
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
    LocalDate lastReportDate,
    @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal cumulativeInvestment,
    @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal fundsInPlace,
    Integer jobsCreated,
    long version,
    String registeredBy,
    Instant registeredAt,
    String updatedBy,
    Instant updatedAt) {

  static ProjectResponse of(Project p) {
    return new ProjectResponse(p.id(), p.pairingId(), p.mountainCounty(), p.partnerCounty(), p.name(),
        p.kind().name(), p.hostCounty(), p.plannedInvestment(), p.investmentPlan(), p.plannedStart(),
        p.plannedCompletion(), p.enclaveId(), p.status().name(), p.lastReportDate(), p.cumulativeInvestment(),
        p.fundsInPlace(), p.jobsCreated(), p.sequence(), p.registeredBy(), p.registeredAt(), p.updatedBy(),
        p.updatedAt());
  }
}
