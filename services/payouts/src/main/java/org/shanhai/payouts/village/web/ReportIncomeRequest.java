package org.shanhai.payouts.village.web;

import java.math.BigDecimal;

import org.shanhai.payouts.village.ReportedIncome;

/** {@code POST /api/v1/villages/{id}/income-reports}: a year's collective operating income, in yuan. */
record ReportIncomeRequest(Integer year, BigDecimal income) {

  ReportedIncome toCommand() {
    return new ReportedIncome(year, income);
  }
}
