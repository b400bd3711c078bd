package org.shanhai.projects.project.web;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.shanhai.projects.project.ProgressReport;
import org.shanhai.projects.project.ProjectStatus;

/**
 * {@code POST /api/v1/projects/{id}/updates}: the project as of {@code reportDate}; a figure left
 * out keeps its last reported value. {@code plannedInvestment} gives the planned investment once it
 * is known (or revises it).
 */
record ReportProgressRequest(
    LocalDate reportDate,
    ProjectStatus status,
    BigDecimal cumulativeInvestment,
    BigDecimal fundsInPlace,
    Integer jobsCreated,
    String note,
    // Left out of the request's fingerprint while absent, so updates sent before it existed still replay.
    @JsonInclude(JsonInclude.Include.NON_NULL) BigDecimal plannedInvestment) {

  ProgressReport toCommand() {
    return new ProgressReport(reportDate, status, cumulativeInvestment, fundsInPlace, jobsCreated, note,
        plannedInvestment);
  }
}
