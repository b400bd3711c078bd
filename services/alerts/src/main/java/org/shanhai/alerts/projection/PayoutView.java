package org.shanhai.alerts.projection;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One year's payout of a shareholding, as the payouts service's events report it. */
public record PayoutView(
    String payoutId,
    String shareholdingId,
    String projectId,
    String pairingId,
    String mountainCounty,
    String partnerCounty,
    int year,
    LocalDate dueDate,
    BigDecimal guaranteedAmount,
    BigDecimal paidAmount,
    String status) {
}
