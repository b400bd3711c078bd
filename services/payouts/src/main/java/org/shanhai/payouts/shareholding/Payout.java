package org.shanhai.payouts.shareholding;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

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

  Payout with(PayoutStatus next) {
    return new Payout(year, dueDate, guaranteedAmount, paidAmount, next, disbursements);
  }
}
