package org.shanhai.events.payouts;

import java.math.BigDecimal;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonFormat;

/** A payout's due date came. */
public record PayoutDue(
    long sequence,
    Payout payout,
    @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal paidAmount,
    Instant at) implements PayoutsEvent {

  public static final String TYPE = "shanhai.payout.due.v1";

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
