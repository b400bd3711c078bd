package org.shanhai.events.payouts;

import java.time.Instant;

/** A payout was put on the schedule when its shareholding was registered. */
public record PayoutScheduled(long sequence, Payout payout, Instant at) implements PayoutEvent {

  public static final String TYPE = "shanhai.payout.scheduled.v1";
}
