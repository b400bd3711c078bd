package org.shanhai.events.payouts;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * Which payout an event is about: one year's guaranteed (保底) or fixed (固定) return of one
 * shareholding, due on {@code dueDate} (Asia/Shanghai), with where it belongs for labelling.
 */
public record Payout(
    String payoutId,
    String shareholdingId,
    String projectId,
    String pairingId,
    String mountainCounty,
    String partnerCounty,
    int year,
    LocalDate dueDate,
    @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal guaranteedAmount,
    int villageCount) {
}
