package org.shanhai.events.payouts;

import java.time.Instant;

import org.shanhai.events.value.Money;

/** A payout was not fully paid by its due date plus the grace period. */
public record PayoutOverdue(long sequence, Payout payout, Money paidAmount, Money shortfall, int graceDays,
    Instant at) implements PayoutEvent {

  public static final String TYPE = "shanhai.payout.overdue.v1";
}
