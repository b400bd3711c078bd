package org.shanhai.events.payouts;

import java.time.Instant;
import java.time.LocalDate;

import org.shanhai.events.value.Money;

/** Money was paid towards a payout; {@code paidAmount} and {@code status} are the payout's after it. */
public record PayoutDisbursed(
    long sequence,
    Payout payout,
    String disbursementId,
    Money amount,
    LocalDate paidOn,
    String reference,
    Money paidAmount,
    String status,
    String recordedBy,
    Instant at) implements PayoutEvent {

  public static final String TYPE = "shanhai.payout.disbursed.v1";
}
