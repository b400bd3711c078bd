package org.shanhai.payouts.shareholding;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.shanhai.events.value.Money;

/** One year's return of a shareholding: what is guaranteed, what was paid, and each payment. */
public record Payout(
    int year,
    LocalDate dueDate,
    Money guaranteedAmount,
    Money paidAmount,
    PayoutStatus status,
    List<Disbursement> disbursements) {

  /**
   * A payment towards a payout (分红到账). {@code requestHash} fingerprints the request that recorded
   * it, to tell a replay of its Idempotency-Key from a reuse (null for payments recorded before).
   */
  public record Disbursement(String id, Money amount, LocalDate paidOn, String reference, String recordedBy,
      Instant recordedAt, String requestHash) {
  }

  public Money outstanding() {
    return guaranteedAmount.minus(paidAmount);
  }

  /** Past its due date and not fully paid: what the villages were owed and did not get. */
  public Money shortfall(LocalDate today) {
    return today.isAfter(dueDate) ? outstanding() : Money.ZERO;
  }

  /** The day the payments first added up to the whole guaranteed amount, if they have. */
  public Optional<LocalDate> paidInFullOn() {
    Money sum = Money.ZERO;
    for (Disbursement d : disbursements.stream().sorted(Comparator.comparing(Disbursement::paidOn)).toList()) {
      sum = sum.plus(d.amount());
      if (!sum.isLessThan(guaranteedAmount)) {
        return Optional.of(d.paidOn());
      }
    }
    return Optional.empty();
  }

  /**
   * Whether it is known by {@code today} if this payout was paid on time: it is paid in full, or the
   * time to pay it on time (its due date plus {@code graceDays}, the line that makes it OVERDUE) is over.
   */
  public boolean timelinessKnown(LocalDate today, int graceDays) {
    return paidInFullOn().isPresent() || today.isAfter(dueDate.plusDays(graceDays));
  }

  /** Paid in full no later than its due date plus {@code graceDays}: by the line that would have made it OVERDUE. */
  public boolean paidOnTime(int graceDays) {
    return paidInFullOn().filter(day -> !day.isAfter(dueDate.plusDays(graceDays))).isPresent();
  }

  Payout with(PayoutStatus next) {
    return new Payout(year, dueDate, guaranteedAmount, paidAmount, next, disbursements);
  }
}
