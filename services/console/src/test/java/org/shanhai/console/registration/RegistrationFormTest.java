package org.shanhai.console.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.shanhai.console.api.ProjectsApi.Registration;

class RegistrationFormTest {

  @Test
  void rowsAreAddedAndRemovedAndBlankOnesLeftOut() {
    RegistrationForm form = form(List.of("2026-06-30", ""), List.of("2000", ""));

    assertThat(form.withRow().rows()).isEqualTo(3);
    assertThat(form.withoutRow(0).planDateAt(0)).isEmpty();
    Registration registration = form.toRegistration("pairing-1");
    assertThat(registration.investmentPlan()).singleElement().satisfies(point -> {
      assertThat(point.date()).isEqualTo(LocalDate.of(2026, 6, 30));
      assertThat(point.cumulative()).isEqualTo(new BigDecimal("20000000.00"));
    });
    assertThat(registration.plannedInvestment()).isEqualTo(new BigDecimal("50000000.00"));
  }

  @Test
  void aFormWhoseOnlyRowCameBackEmptyStillShowsOneAndAddsASecond() {
    RegistrationForm form = form(List.of(), List.of());

    assertThat(form.rows()).isEqualTo(1);
    assertThat(form.withRow().rows()).isEqualTo(2);
    assertThat(form.toRegistration("pairing-1").investmentPlan()).isNull();
  }

  @Test
  void namesTheUnreadablePlanCellsByTheApisFieldNames() {
    assertThat(form(List.of("30.6.2026"), List.of("两千")).unreadable())
        .containsOnlyKeys("investmentPlan[0].date", "investmentPlan[0].cumulative");
  }

  private static RegistrationForm form(List<String> dates, List<String> amounts) {
    return new RegistrationForm("项目", "INDUSTRIAL_PROJECT", "330822", "PLANNED", "5000", "", "", dates, amounts,
        "key");
  }
}
