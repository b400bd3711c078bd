package org.shanhai.payouts.village;

import java.math.BigDecimal;

/** What an officer sends to report a village's operating income for a year; nothing is trusted yet. */
public record ReportedIncome(Integer year, BigDecimal income) {
}
