package org.shanhai.events.projects;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonFormat;

/** The cumulative amount of investment planned to be completed by {@code date}, in yuan. */
public record InvestmentPlanPoint(
    LocalDate date,
    @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal cumulative) {
}
