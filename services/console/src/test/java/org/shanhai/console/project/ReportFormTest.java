package org.shanhai.console.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.shanhai.console.api.ProjectsApi.Report;

class ReportFormTest {

  @Test
  void sendsAmountsEnteredInWanAsYuanAndLeavesBlanksUnreported() {
    Report report = form("2021-06-30", "1,250.5", " ", "120").toReport();

    assertThat(report.reportDate()).isEqualTo(LocalDate.of(2021, 6, 30));
    assertThat(report.cumulativeInvestment()).isEqualTo(new BigDecimal("12505000.00"));
    assertThat(report.fundsInPlace()).isNull();
    assertThat(report.jobsCreated()).isEqualTo(120);
    assertThat(report.note()).isNull();
  }

  @Test
  void namesTheFieldsItCannotReadAndLeavesTheRulesToTheApi() {
    assertThat(form("30/06/2021", "一千", "12", "1.5").unreadable()).containsOnlyKeys("reportDate",
        "cumulativeInvestment", "jobsCreated");
    assertThat(form("2021-06-30", "-5", "", "").unreadable()).as("a negative amount is the API's to refuse").isEmpty();
  }

  @Test
  void isUnconfirmedUnlessTheOfficerSaidSo() {
    assertThat(form("2021-06-30", "", "", "").confirmed()).isFalse();
    assertThat(form("2021-06-30", "", "", "").against(7).version()).isEqualTo(7);
  }

  private static ReportForm form(String date, String investment, String funds, String jobs) {
    return new ReportForm(date, "UNDER_CONSTRUCTION", investment, funds, jobs, "", "key-1", 3L, null);
  }
}
