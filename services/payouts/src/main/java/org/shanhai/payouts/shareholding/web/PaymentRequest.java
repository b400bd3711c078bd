package org.shanhai.payouts.shareholding.web;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.shanhai.payouts.shareholding.Payment;

/** {@code POST /api/v1/payouts/{id}/disbursements}: money paid towards a payout, in yuan. */
record PaymentRequest(BigDecimal amount, LocalDate paidOn, String reference) {

  Payment toCommand() {
    return new Payment(amount, paidOn, reference);
  }
}
