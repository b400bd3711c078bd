package org.shanhai.payouts.shareholding;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** One year's return of a shareholding: what is guaranteed, what was paid, and each payment. */
public record Payout(
    int year,
    LocalDate dueDate,
    BigDecimal guaranteedAmount,
    BigDecimal paidAmount,
    PayoutStatus status,
    List<Disbursement> disbursements) {

  /** A payment towards a payout (分红到账). */
  public record Disbursement(String id, BigDecimal amount, LocalDate paidOn, String reference, String recordedBy,
      Instant recordedAt) {
  }

  public BigDecimal outstanding() {
    return guaranteedAmount.subtract(paidAmount);
  }

  /** Past its due date and not fully paid: what the villages were owed and did not get. */
  public BigDecimal shortfall(LocalDate today) {
    return today.isAfter(dueDate) ? outstanding() : BigDecimal.ZERO.setScale(2);
  }

  /** The day the payments first added up to the whole guaranteed amount, if they have. */
  public Optional<LocalDate> paidInFullOn() {
    BigDecimal sum = BigDecimal.ZERO;
    for (Disbursement d : disbursements.stream().sorted(Comparator.comparing(Disbursement::paidOn)).toList()) {
      sum = sum.add(d.amount());
      if (sum.compareTo(guaranteedAmount) >= 0) {
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
