package org.shanhai.events.payouts;

import java.time.LocalDate;

import org.shanhai.events.value.CountyCode;
import org.shanhai.events.value.Money;
import org.shanhai.events.value.ProjectId;

/**
 * Which payout an event is about: one year's guaranteed (保底) or fixed (固定) return of one
 * shareholding, due on {@code dueDate} (Asia/Shanghai), with where it belongs for labelling.
 */
public record Payout(
    String payoutId,
    String shareholdingId,
    ProjectId projectId,
    String pairingId,
    CountyCode mountainCounty,
    CountyCode partnerCounty,
    int year,
    LocalDate dueDate,
    Money guaranteedAmount,
    int villageCount) {
}
