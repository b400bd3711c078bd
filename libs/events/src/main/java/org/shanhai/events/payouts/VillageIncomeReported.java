package org.shanhai.events.payouts;

import java.math.BigDecimal;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonFormat;

/** A village collective's operating income for a year; {@code weak} when under {@code threshold} (集体经济薄弱村). */
public record VillageIncomeReported(
    String villageId,
    long sequence,
    String villageName,
    String county,
    int year,
    @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal income,
    @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal threshold,
    boolean weak,
    String reportedBy,
    Instant reportedAt) implements PayoutsEvent {

  public static final String TYPE = "shanhai.village.income-reported.v1";

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public String aggregateId() {
    return villageId;
  }
}
