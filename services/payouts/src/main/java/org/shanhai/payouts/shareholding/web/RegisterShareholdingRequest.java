package org.shanhai.payouts.shareholding.web;

import java.math.BigDecimal;
import java.util.List;

import org.shanhai.payouts.shareholding.ReturnType;
import org.shanhai.payouts.shareholding.ShareholdingRegistration;

/**
 * {@code POST /api/v1/shareholdings}: village collectives' stake in an enclave or park and its
 * return: a guaranteed minimum rate on the capital, or a fixed yearly amount.
 */
record RegisterShareholdingRequest(String projectId, HolderRequest holder, BigDecimal capital, ReturnType returnType,
    BigDecimal guaranteedRate, BigDecimal fixedAnnualAmount, String payoutMonthDay, Integer firstPayoutYear,
    Integer lastPayoutYear) {

  /** One village by {@code villageId}, or a group: {@code name}, {@code villageCount} and the {@code villageIds} known. */
  record HolderRequest(String villageId, String name, Integer villageCount, List<String> villageIds) {
  }

  ShareholdingRegistration toCommand() {
    return new ShareholdingRegistration(projectId, holder == null ? null
        : new ShareholdingRegistration.NamedHolder(holder.villageId(), holder.name(), holder.villageCount(),
            holder.villageIds()),
        capital, returnType, guaranteedRate, fixedAnnualAmount, payoutMonthDay, firstPayoutYear, lastPayoutYear);
  }
}
