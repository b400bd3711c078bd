package org.shanhai.events.projects;

import java.time.LocalDate;

import org.shanhai.events.value.Money;

/** The cumulative amount of investment planned to be completed by {@code date}, in yuan. */
public record InvestmentPlanPoint(LocalDate date, Money cumulative) {
}
