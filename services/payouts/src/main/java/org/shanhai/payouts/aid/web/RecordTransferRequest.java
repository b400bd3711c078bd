package org.shanhai.payouts.aid.web;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.shanhai.payouts.aid.AidTransfer;
import org.shanhai.payouts.aid.ReportedTransfer;

/** {@code POST /api/v1/aid-transfers}: aid funds a partner commits or disburses under a pairing, in yuan. */
record RecordTransferRequest(String pairingId, String fromCounty, String toCounty, String projectId, String villageId,
    AidTransfer.TransactionType transactionType, BigDecimal amount, LocalDate date, String purpose) {

  ReportedTransfer toCommand() {
    return new ReportedTransfer(pairingId, fromCounty, toCounty, projectId, villageId, transactionType, amount, date,
        purpose);
  }
}
