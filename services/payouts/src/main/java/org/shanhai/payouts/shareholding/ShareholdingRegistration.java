package org.shanhai.payouts.shareholding;

import java.math.BigDecimal;
import java.util.List;

/**
 * What an officer sends to register village collectives' stake in an enclave or park; nothing is
 * trusted yet. {@code capital} may be left out for a fixed return (the sources often do not state it).
 */
public record ShareholdingRegistration(String projectId, NamedHolder holder, BigDecimal capital,
    ReturnType returnType, BigDecimal guaranteedRate, BigDecimal fixedAnnualAmount, String payoutMonthDay,
    Integer firstPayoutYear, Integer lastPayoutYear) {

  /** One village ({@code villageId}) or a group ({@code name}, {@code villageCount}, the {@code villageIds} known). */
  public record NamedHolder(String villageId, String name, Integer villageCount, List<String> villageIds) {

    /** Every village named by id. */
    public List<String> named() {
      return villageId != null ? List.of(villageId) : villageIds == null ? List.of() : villageIds;
    }
  }
}
