package org.shanhai.events.payouts;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonFormat;

/** Money was paid towards a payout; {@code paidAmount} and {@code status} are the payout's after it. */
public record PayoutDisbursed(
    long sequence,
    Payout payout,
    String disbursementId,
    @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount,
    LocalDate paidOn,
    String reference,
    @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal paidAmount,
    String status,
    String recordedBy,
    Instant at) implements PayoutsEvent {

  public static final String TYPE = "shanhai.payout.disbursed.v1";

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
