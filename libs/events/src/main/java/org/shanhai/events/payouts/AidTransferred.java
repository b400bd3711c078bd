package org.shanhai.events.payouts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.shanhai.events.Warning;
import org.shanhai.events.value.CountyCode;
import org.shanhai.events.value.Money;
import org.shanhai.events.value.ProjectId;

/**
 * A partner committed or disbursed aid funds (援建资金) to its mountain county, optionally for a
 * project or a village (transaction types as in IATI). A disbursement beyond what was committed
 * carries a warning.
 */
public record AidTransferred(
    String transferId,
    long sequence,
    String pairingId,
    CountyCode fromCounty,
    CountyCode toCounty,
    ProjectId projectId,
    String villageId,
    String transactionType,
    Money amount,
    LocalDate date,
    String purpose,
    List<Warning> warnings,
    String recordedBy,
    Instant recordedAt) implements PayoutsEvent {

  public static final String TYPE = "shanhai.aid.transferred.v1";

  @Override
  public String aggregateId() {
    return transferId;
  }

  @Override
  public String key() {
    return projectId != null ? projectId.value() : pairingId;
  }
}
