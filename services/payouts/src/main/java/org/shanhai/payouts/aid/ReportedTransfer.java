package org.shanhai.payouts.aid;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What an officer sends to record aid funds; nothing is trusted yet. {@code fromCounty} and
 * {@code toCounty}, when given, must be the pairing's partner and mountain county.
 */
public record ReportedTransfer(String pairingId, String fromCounty, String toCounty, String projectId,
    String villageId, AidTransfer.TransactionType transactionType, BigDecimal amount, LocalDate date, String purpose) {
}
