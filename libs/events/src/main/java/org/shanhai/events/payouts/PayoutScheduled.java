package org.shanhai.events.payouts;

import java.time.Instant;

/** A payout was put on the schedule when its shareholding was registered. */
public record PayoutScheduled(
    long sequence,
    Payout payout,
    Instant at) implements PayoutsEvent {

  public static final String TYPE = "shanhai.payout.scheduled.v1";

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public String aggregateId() {
    return payout.shareholdingId();
  }

  @Override
  public String key() {
    return payout.projectId();
  }
}
