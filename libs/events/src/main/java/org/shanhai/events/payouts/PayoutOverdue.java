package org.shanhai.events.payouts;

import java.math.BigDecimal;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonFormat;

/** A payout was not fully paid by its due date plus the grace period. */
public record PayoutOverdue(
    long sequence,
    Payout payout,
    @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal paidAmount,
    @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal shortfall,
    int graceDays,
    Instant at) implements PayoutsEvent {

  public static final String TYPE = "shanhai.payout.overdue.v1";

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
