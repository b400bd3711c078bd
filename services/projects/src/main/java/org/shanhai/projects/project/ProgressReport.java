package org.shanhai.projects.project;

import java.math.BigDecimal;
import java.time.LocalDate;

/** What an officer reports about a project as of {@code reportDate}; every other field is optional. */
public record ProgressReport(
    LocalDate reportDate,
    String status,
    BigDecimal cumulativeInvestment,
    BigDecimal fundsInPlace,
    Integer jobsCreated,
    String note) {
}
