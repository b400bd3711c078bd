package org.shanhai.events.payouts;

import java.time.Instant;

import org.shanhai.events.value.CountyCode;
import org.shanhai.events.value.Money;

/** A village collective's operating income for a year; {@code weak} when under {@code threshold} (集体经济薄弱村). */
public record VillageIncomeReported(
    String villageId,
    long sequence,
    String villageName,
    CountyCode county,
    int year,
    Money income,
    Money threshold,
    boolean weak,
    String reportedBy,
    Instant reportedAt) implements PayoutsEvent {

  public static final String TYPE = "shanhai.village.income-reported.v1";

  @Override
  public String aggregateId() {
    return villageId;
  }
}
