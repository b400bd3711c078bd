package org.shanhai.events.payouts;

import java.time.Instant;

import org.shanhai.events.value.Money;

/** A payout's due date came; {@code paidAmount} is what was paid towards it by then. */
public record PayoutDue(long sequence, Payout payout, Money paidAmount, Instant at) implements PayoutEvent {

  public static final String TYPE = "shanhai.payout.due.v1";
}
