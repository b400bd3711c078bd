package org.shanhai.projects.project.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.shanhai.events.projects.InvestmentPlanPoint;
import org.shanhai.events.value.CountyCode;
import org.shanhai.events.value.Money;
import org.shanhai.events.value.ProjectId;
import org.shanhai.projects.project.Project;
import org.shanhai.projects.project.ProjectKind;
import org.shanhai.projects.project.ProjectStatus;

/**
 * A project as the API shows it: the plan ({@code plannedInvestment} null while unknown), the
 * latest reported figures, and {@code version} (also its ETag). {@code externalCode} is the county
 * office's own code for it, when it was given one.
 */
record ProjectResponse(
    ProjectId id,
    String pairingId,
    CountyCode mountainCounty,
    CountyCode partnerCounty,
    String name,
    String externalCode,
    ProjectKind kind,
    CountyCode hostCounty,
    Money plannedInvestment,
    List<InvestmentPlanPoint> investmentPlan,
    LocalDate plannedStart,
    LocalDate plannedCompletion,
    ProjectId enclaveId,
    ProjectStatus status,
    LocalDate lastReportDate,
    Money cumulativeInvestment,
    Money fundsInPlace,
    Integer jobsCreated,
    long version,
    String registeredBy,
    Instant registeredAt,
    String updatedBy,
    Instant updatedAt) {

  static ProjectResponse of(Project p) {
    return new ProjectResponse(p.id(), p.pairingId(), p.mountainCounty(), p.partnerCounty(), p.name(), p.externalCode(), p.kind(),
        p.hostCounty(), p.plannedInvestment(), p.investmentPlan(), p.plannedStart(), p.plannedCompletion(),
        p.enclaveId(), p.status(), p.lastReportDate(), p.cumulativeInvestment(), p.fundsInPlace(), p.jobsCreated(),
        p.sequence(), p.registeredBy(), p.registeredAt(), p.updatedBy(), p.updatedAt());
  }
}
