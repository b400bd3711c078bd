package org.shanhai.console.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.shanhai.console.api.ProjectsApi.PlanPoint;
import org.shanhai.console.api.ProjectsApi.Update;

class InvestmentChartTest {

  @Test
  void drawsThePlanAndTheReportsOnOneScaleFromTheEarliestDateToTheLatest() {
    InvestmentChart chart = InvestmentChart.of(
        List.of(new PlanPoint(LocalDate.of(2022, 12, 31), new BigDecimal("100")),
            new PlanPoint(LocalDate.of(2020, 12, 31), new BigDecimal("50"))),
        List.of(update(2, LocalDate.of(2021, 12, 31), "75"), update(1, LocalDate.of(2020, 12, 31), null)));

    assertThat(chart.from()).isEqualTo(LocalDate.of(2020, 12, 31));
    assertThat(chart.to()).isEqualTo(LocalDate.of(2022, 12, 31));
    assertThat(chart.top()).isEqualByComparingTo("100");
    assertThat(chart.plan()).isEqualTo("8,105 592,10");
    assertThat(chart.dots()).singleElement().satisfies(dot -> {
      assertThat(dot.x()).isEqualTo(300);
      assertThat(dot.y()).isEqualTo(58);
    });
  }

  @Test
  void isEmptyWithoutAPlanOrAnyReportedInvestment() {
    assertThat(InvestmentChart.of(List.of(), List.of(update(1, LocalDate.of(2021, 1, 1), null))).empty()).isTrue();
  }

  private static Update update(long sequence, LocalDate date, String investment) {
    return new Update("u" + sequence, sequence, date, "UNDER_CONSTRUCTION", null,
        investment == null ? null : new BigDecimal(investment), null, null, null, null, "officer", List.of());
  }
}
