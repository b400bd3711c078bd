package org.shanhai.alerts.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.shanhai.events.Warning;
import org.shanhai.events.projects.ProgressReported;
import org.shanhai.events.projects.ProjectRegistered;
import org.shanhai.events.projects.ProjectStatusChanged;
import org.shanhai.events.value.CountyCode;
import org.shanhai.events.value.Money;
import org.shanhai.events.value.ProjectId;

/** The alerts service's view of a project, folded from its events: the business rules that used to hide in its store. */
class ProjectViewTest {

  private static final ZoneId ZHEJIANG = ZoneId.of("Asia/Shanghai");
  private static final ProjectId P = ProjectId.of("p1");
  private static final CountyCode CHANGSHAN = CountyCode.of("330822");
  private static final CountyCode CIXI = CountyCode.of("330282");

  @Test
  void theLastFigureReportedInAYearIsThatYearsAndTheStatusComesFromStatusChanges() {
    ProjectView v = ProjectView.fold(null, new ProjectRegistered(P, 1, "pair", CHANGSHAN, CIXI, "飞地", "INDUSTRIAL_ENCLAVE",
        CIXI, null, List.of(), null, null, null, "PLANNED", "o", Instant.parse("2020-12-31T17:00:00Z")), ZHEJIANG);
    assertThat(v.registeredOn()).as("registered on the first day of 2021 in Zhejiang").isEqualTo(LocalDate.parse("2021-01-01"));

    v = ProjectView.fold(v, reported(2, "2021-03-31", "UNDER_CONSTRUCTION", "10000000.00"), ZHEJIANG);
    v = ProjectView.fold(v, reported(3, "2021-12-31", "UNDER_CONSTRUCTION", "40000000.00"), ZHEJIANG);
    v = ProjectView.fold(v, reported(4, "2022-06-30", "UNDER_CONSTRUCTION", null), ZHEJIANG);

    assertThat(v.status()).as("progress reports do not move the status").isEqualTo("PLANNED");
    assertThat(v.cumulativeByYear()).isEqualTo(Map.of(2021, Money.of("40000000.00")));
    assertThat(v.cumulativeInvestment()).as("a report without a figure keeps the last one").isEqualTo(Money.of("40000000.00"));
    assertThat(v.lastReportDate()).isEqualTo(LocalDate.parse("2022-06-30"));
    assertThat(v.latestWarnings()).containsExactly("large-increment: adds a lot");

    v = ProjectView.fold(v, new ProjectStatusChanged(P, 5, "pair", CHANGSHAN, CIXI, "INDUSTRIAL_ENCLAVE", "PLANNED",
        "SUSPENDED", LocalDate.parse("2022-07-01"), "o", Instant.now()), ZHEJIANG);
    assertThat(v.status()).isEqualTo("SUSPENDED");
    assertThat(v.statusSince()).isEqualTo(LocalDate.parse("2022-07-01"));
    assertThat(v.lastHeardOf()).isEqualTo(LocalDate.parse("2022-07-01"));
  }

  @Test
  void aPayoutDueWithSomethingPaidIsPartlyPaid() {
    org.shanhai.events.payouts.Payout payout = new org.shanhai.events.payouts.Payout("s-2021", "s", P, "pair",
        CHANGSHAN, CIXI, 2021, LocalDate.parse("2021-12-31"), Money.of("9300000.00"), 94);

    assertThat(PayoutView.fold(new org.shanhai.events.payouts.PayoutDue(3, payout, Money.of("100.00"), Instant.now()))
        .status()).isEqualTo("PARTIALLY_PAID");
    assertThat(PayoutView.fold(new org.shanhai.events.payouts.PayoutDue(3, payout, Money.ZERO, Instant.now()))
        .status()).isEqualTo("DUE");
  }

  private static ProgressReported reported(long sequence, String date, String status, String cumulative) {
    return new ProgressReported(P, sequence, "u" + sequence, "pair", CHANGSHAN, CIXI, "INDUSTRIAL_ENCLAVE",
        LocalDate.parse(date), status, null, Money.of(cumulative), null, null, null,
        List.of(new Warning("large-increment", "cumulativeInvestment", "adds a lot")), "o", Instant.now());
  }
}
