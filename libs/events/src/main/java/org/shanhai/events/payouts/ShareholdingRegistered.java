package org.shanhai.events.payouts;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;
import org.shanhai.events.value.CountyCode;
import org.shanhai.events.value.Money;
import org.shanhai.events.value.ProjectId;

/**
 * Village collectives took a stake in an enclave or park. {@code holderVillageIds} lists the
 * members known by id; {@code villageCount} may be larger ("94 villages pooled 93 million yuan").
 */
public record ShareholdingRegistered(
    String shareholdingId,
    long sequence,
    ProjectId projectId,
    String pairingId,
    CountyCode mountainCounty,
    CountyCode partnerCounty,
    String holderName,
    int villageCount,
    List<String> holderVillageIds,
    Money capital,
    String returnType,
    @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal guaranteedRate,
    Money fixedAnnualAmount,
    String payoutMonthDay,
    int firstPayoutYear,
    int lastPayoutYear,
    String registeredBy,
    Instant registeredAt) implements PayoutsEvent {

  public static final String TYPE = "shanhai.shareholding.registered.v1";

  @Override
  public String aggregateId() {
    return shareholdingId;
  }

  @Override
  public String key() {
    return projectId.value();
  }
}
