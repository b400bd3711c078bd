package org.shanhai.payouts.summary;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.shanhai.events.value.Money;

/**
 * The money owed to and paid to village collectives, for a county or pairing, for one year or in
 * total with a per-year breakdown. Amounts in yuan.
 *
 * @param capital what the villages put in, of the shareholdings with a payout in scope (where stated)
 * @param guaranteed what they are owed: the guaranteed or fixed payouts in scope
 * @param outstanding guaranteed minus paid
 * @param overdue what is outstanding on overdue payouts
 * @param shortfall what is outstanding on payouts already past their due date
 * @param villagesBenefiting villages holding those shareholdings (a group counts all its villages)
 * @param weakVillages villages of the county weak by their income report for the year (latest without a year)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PayoutSummary(
    Integer year,
    Money capital,
    Money guaranteed,
    Money paid,
    Money outstanding,
    Money overdue,
    Money shortfall,
    int villagesBenefiting,
    long weakVillages,
    List<PayoutSummary> perYear) {
}
