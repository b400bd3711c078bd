package org.shanhai.payouts.shareholding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.shanhai.events.value.Money;

/** Whether a payout was paid on time: in full by its due date plus the grace period (30 days here). */
class PayoutTest {

  private static final int GRACE = 30;
  private static final LocalDate DUE = LocalDate.parse("2021-12-31");

  private static Payout payout(String guaranteed, Payout.Disbursement... paid) {
    Money sum = List.of(paid).stream().map(Payout.Disbursement::amount).reduce(Money.ZERO, Money::plus);
    return new Payout(2021, DUE, Money.of(guaranteed), sum, PayoutStatus.DUE, List.of(paid));
  }

  private static Payout.Disbursement paid(String amount, String on) {
    return new Payout.Disbursement("d-" + on, Money.of(amount), LocalDate.parse(on), "ref", "officer", Instant.EPOCH,
        "hash");
  }

  @Test
  void isPaidInFullOnTheDayThePaymentsAddUpWhateverOrderTheyWereRecordedIn() {
    Payout payout = payout("9300000.00", paid("4650000.00", "2022-01-20"), paid("4650000.00", "2021-12-20"));

    assertThat(payout.paidInFullOn()).contains(LocalDate.parse("2022-01-20"));
    assertThat(payout("9300000.00", paid("9299999.99", "2021-12-01")).paidInFullOn()).isEmpty();
  }

  @Test
  void paidInFullWithinTheGracePeriodIsOnTimeAndAfterItIsLate() {
    assertThat(payout("9300000.00", paid("9300000.00", "2021-11-30")).paidOnTime(GRACE)).isTrue();
    assertThat(payout("9300000.00", paid("9300000.00", "2022-01-30")).paidOnTime(GRACE)).isTrue();
    assertThat(payout("9300000.00", paid("9300000.00", "2022-01-31")).paidOnTime(GRACE)).isFalse();
    assertThat(payout("9300000.00", paid("4650000.00", "2021-12-01")).paidOnTime(GRACE)).isFalse();
  }

  @Test
  void timelinessIsKnownOncePaidInFullOrOnceTheGracePeriodIsOver() {
    Payout unpaid = payout("9300000.00");
    assertThat(unpaid.timelinessKnown(LocalDate.parse("2022-01-30"), GRACE)).isFalse();
    assertThat(unpaid.timelinessKnown(LocalDate.parse("2022-01-31"), GRACE)).isTrue();
    assertThat(payout("9300000.00", paid("9300000.00", "2021-06-30")).timelinessKnown(LocalDate.parse("2021-07-01"), GRACE))
        .as("paid early: on time before its due date comes").isTrue();
  }
}
