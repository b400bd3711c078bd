package org.shanhai.payouts.shareholding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.shanhai.events.payouts.PayoutDue;
import org.shanhai.events.payouts.PayoutOverdue;
import org.shanhai.events.payouts.PayoutScheduled;
import org.shanhai.events.payouts.ShareholdingRegistered;
import org.shanhai.events.value.CountyCode;
import org.shanhai.events.value.Money;
import org.shanhai.events.value.ProjectId;
import org.shanhai.payouts.projection.ProjectView;
import org.shanhai.web.validation.InvalidInput;
import org.shanhai.web.validation.Violation;

class ShareholdingTest {

  private static final CountyCode CHANGSHAN = CountyCode.of("330822");
  private static final CountyCode CIXI = CountyCode.of("330282");
  private static final ProjectView ENCLAVE = new ProjectView(ProjectId.of("p1"), "常山—慈溪产业飞地", "pair-1", CHANGSHAN,
      CIXI, CIXI, "INDUSTRIAL_ENCLAVE", "IN_PRODUCTION");
  private static final Shareholding.Policy POLICY = new Shareholding.Policy(new BigDecimal("0.30"), 10, 30);
  private static final Map<String, Shareholding.KnownVillage> VILLAGES = Map.of(
      "jubao", new Shareholding.KnownVillage(CHANGSHAN, "聚宝村"),
      "yinkeng", new Shareholding.KnownVillage(CountyCode.of("330803"), "银坑村"));

  private static Clock at(String date) {
    return Clock.fixed(Instant.parse(date + "T04:00:00Z"), ZoneId.of("Asia/Shanghai"));
  }

  private static ShareholdingRegistration changshan94(String rate) {
    return new ShareholdingRegistration("p1", new ShareholdingRegistration.NamedHolder(null, "常山94村", 94,
        List.of("jubao")), new BigDecimal("93000000.00"), ReturnType.GUARANTEED_MINIMUM, new BigDecimal(rate), null,
        "12-31", 2020, null);
  }

  @Test
  void schedulesTenYearsOfTenPercentOnNinetyThreeMillion() {
    Shareholding.Changed registered = Shareholding.register("s1", changshan94("0.10"), ENCLAVE, VILLAGES, POLICY,
        "officer", at("2021-07-01"));

    assertThat(registered.shareholding().payouts()).hasSize(10)
        .allSatisfy(p -> assertThat(p.guaranteedAmount()).isEqualTo(Money.of("9300000.00")));
    assertThat(registered.shareholding().payouts().get(0).dueDate()).isEqualTo(LocalDate.parse("2020-12-31"));
    assertThat(registered.events().get(0)).isInstanceOf(ShareholdingRegistered.class);
    assertThat(registered.events().subList(1, 11)).allMatch(e -> e instanceof PayoutScheduled);
    assertThat(registered.events()).extracting(e -> e.sequence()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L,
        10L, 11L);
    assertThat(registered.shareholding().sequence()).isEqualTo(11);
  }

  @Test
  void roundsEachPayoutHalfUpToTheFen() {
    ShareholdingRegistration request = new ShareholdingRegistration("p1", new ShareholdingRegistration.NamedHolder(
        "jubao", null, null, null), new BigDecimal("1000000.05"), ReturnType.GUARANTEED_MINIMUM, new BigDecimal("0.1"),
        null, "06-30", 2021, 2021);

    Payout payout = Shareholding.register("s1", request, ENCLAVE, VILLAGES, POLICY, "o", at("2021-07-01"))
        .shareholding().payouts().get(0);

    // 1,000,000.05 × 0.1 = 100,000.005 → 100,000.01
    assertThat(payout.guaranteedAmount()).isEqualTo(Money.of("100000.01"));
    assertThat(Shareholding.register("s1", request, ENCLAVE, VILLAGES, POLICY, "o", at("2021-07-01")).shareholding()
        .holder().name()).as("a single village holder is named after the village").isEqualTo("聚宝村");
  }

  @Test
  void refusesRatesOutsideTheBoundsVillagesOfAnotherCountyAndProjectsThatAreNotEnclaves() {
    assertThat(codes(() -> Shareholding.register("s1", changshan94("0.31"), ENCLAVE, VILLAGES, POLICY, "o",
        at("2021-07-01")))).containsExactly("out-of-range");
    assertThat(codes(() -> Shareholding.register("s1", changshan94("0"), ENCLAVE, VILLAGES, POLICY, "o",
        at("2021-07-01")))).containsExactly("out-of-range");
    ShareholdingRegistration other = new ShareholdingRegistration("p1", new ShareholdingRegistration.NamedHolder(
        "yinkeng", null, null, null), new BigDecimal("1.00"), ReturnType.FIXED, null, new BigDecimal("1.00"), "12-31",
        2020, 2020);
    assertThat(codes(() -> Shareholding.register("s1", other, ENCLAVE, VILLAGES, POLICY, "o", at("2021-07-01"))))
        .containsExactly("other-county");
    ProjectView road = new ProjectView(ProjectId.of("p2"), "road", "pair-1", CHANGSHAN, CIXI, CHANGSHAN,
        "INDUSTRIAL_PROJECT", "PLANNED");
    assertThat(codes(() -> Shareholding.register("s1", changshan94("0.10"), road, VILLAGES, POLICY, "o",
        at("2021-07-01")))).containsExactly("not-an-enclave-or-park");
  }

  @Test
  void partialPaymentsAddUpAndOverpaymentOrPayingAPaidPayoutIsRefused() {
    Shareholding s = Shareholding.register("s1", changshan94("0.10"), ENCLAVE, VILLAGES, POLICY, "o",
        at("2021-07-01")).shareholding();

    Shareholding partly = s.disburse(2020, "d1", pay("3000000.00", "2020-12-30"), "hash", "o", at("2021-07-01"))
        .shareholding();
    assertThat(partly.payout(2020).status()).isEqualTo(PayoutStatus.PARTIALLY_PAID);
    assertThat(codes(() -> partly.disburse(2020, "d2", pay("6300000.01", "2021-01-05"), "hash", "o", at("2021-07-01"))))
        .containsExactly("overpayment");
    Shareholding paid = partly.disburse(2020, "d2", pay("6300000.00", "2021-01-05"), "hash", "o", at("2021-07-01"))
        .shareholding();
    assertThat(paid.payout(2020).status()).isEqualTo(PayoutStatus.PAID);
    assertThat(codes(() -> paid.disburse(2020, "d3", pay("1.00", "2021-01-06"), "hash", "o", at("2021-07-01"))))
        .contains("already-paid");
    assertThat(codes(() -> paid.disburse(2021, "d4", pay("1.00", "2021-07-02"), "hash", "o", at("2021-07-01"))))
        .containsExactly("future");
  }

  @Test
  void becomesDueOnItsDateAndOverdueAfterTheGracePeriod() {
    Shareholding s = Shareholding.register("s1", changshan94("0.10"), ENCLAVE, VILLAGES, POLICY, "o",
        at("2020-06-01")).shareholding();

    assertThat(s.advance(30, at("2020-12-30"))).isNull();
    Shareholding.Changed due = s.advance(30, at("2020-12-31"));
    assertThat(due.events()).singleElement().isInstanceOf(PayoutDue.class);
    assertThat(due.shareholding().advance(30, at("2021-01-30"))).isNull();
    Shareholding.Changed overdue = due.shareholding().advance(30, at("2021-01-31"));
    assertThat(overdue.events()).singleElement().isInstanceOfSatisfying(PayoutOverdue.class,
        e -> assertThat(e.shortfall()).isEqualTo(Money.of("9300000.00")));
    assertThat(overdue.shareholding().advance(30, at("2021-02-28"))).isNull();
  }

  @Test
  void aPayoutAlreadyPastDueWhenScheduledBecomesDueAndOverdueOnTheFirstRun() {
    Shareholding s = Shareholding.register("s1", changshan94("0.10"), ENCLAVE, VILLAGES, POLICY, "o",
        at("2021-07-01")).shareholding();

    Shareholding.Changed first = s.advance(30, at("2021-07-01"));

    assertThat(first.events()).hasSize(2).extracting(e -> e.getClass().getSimpleName())
        .containsExactly("PayoutDue", "PayoutOverdue");
    assertThat(first.shareholding().payout(2020).status()).isEqualTo(PayoutStatus.OVERDUE);
    assertThat(first.shareholding().payout(2021).status()).isEqualTo(PayoutStatus.SCHEDULED);
  }

  @Test
  void anOverduePayoutPaidInFullIsPaid() {
    Shareholding overdue = Shareholding.register("s1", changshan94("0.10"), ENCLAVE, VILLAGES, POLICY, "o",
        at("2021-07-01")).shareholding().advance(30, at("2021-07-01")).shareholding();

    Shareholding part = overdue.disburse(2020, "d1", pay("1.00", "2021-07-01"), "hash", "o", at("2021-07-01")).shareholding();
    assertThat(part.payout(2020).status()).isEqualTo(PayoutStatus.OVERDUE);
    Shareholding full = part.disburse(2020, "d2", pay("9299999.00", "2021-07-01"), "hash", "o", at("2021-07-01"))
        .shareholding();
    assertThat(full.payout(2020).status()).isEqualTo(PayoutStatus.PAID);
  }

  private static Payment pay(String amount, String date) {
    return new Payment(new BigDecimal(amount), LocalDate.parse(date), "ref");
  }

  private static List<String> codes(Runnable action) {
    return catchThrowableOfType(InvalidInput.class, action::run).violations().stream().map(Violation::code).toList();
  }
}
