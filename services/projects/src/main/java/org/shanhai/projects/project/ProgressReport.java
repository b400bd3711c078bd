package org.shanhai.projects.project;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What an officer reports about a project as of {@code reportDate}; every other field is optional.
 * {@code plannedInvestment} gives the planned investment once it is known, or revises it.
 */
public record ProgressReport(
    LocalDate reportDate,
    ProjectStatus status,
    BigDecimal cumulativeInvestment,
    BigDecimal fundsInPlace,
    Integer jobsCreated,
    String note,
    BigDecimal plannedInvestment) {
}
