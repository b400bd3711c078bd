package org.shanhai.payouts.aid;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.shanhai.events.Warning;
import org.shanhai.events.payouts.AidTransferred;
import org.shanhai.payouts.projection.PairingView;
import org.shanhai.payouts.projection.ProjectView;
import org.shanhai.web.validation.Violations;

/**
 * Aid funds (援建资金) a partner county commits or disburses to its mountain county under a pairing,
 * optionally for a project or a village. Transaction types as in IATI: a commitment promises, a
 * disbursement pays. Disbursing beyond what was committed is accepted with a warning.
 */
public record AidTransfer(
    String id,
    String pairingId,
    String fromCounty,
    String toCounty,
    String projectId,
    String villageId,
    TransactionType type,
    BigDecimal amount,
    LocalDate date,
    String purpose,
    List<Warning> warnings,
    String recordedBy,
    Instant recordedAt) {

  static final ZoneId ZHEJIANG = ZoneId.of("Asia/Shanghai");

  public enum TransactionType {
    COMMITMENT,
    DISBURSEMENT
  }

  /** What an officer sends; {@code fromCounty} and {@code toCounty}, when given, must be the pairing's. */
  public record Request(String pairingId, String fromCounty, String toCounty, String projectId, String villageId,
      String transactionType, BigDecimal amount, LocalDate date, String purpose) {
  }

  /** The transfers already recorded in the same scope (pairing, and project when there is one). */
  public record Totals(BigDecimal committed, BigDecimal disbursed) {
  }

  /**
   * Validates a transfer against what the service knows: the pairing, the project and the
   * village's county (each null when unknown or not named).
   */
  public static AidTransfer record(String id, Request r, PairingView pairing, ProjectView project,
      String villageCounty, Totals totals, String user, Clock clock) {
    Violations v = new Violations().required("pairingId", r.pairingId()).required("transactionType",
        r.transactionType()).required("amount", r.amount()).required("date", r.date());
    if (r.pairingId() != null && pairing == null) {
      v.add("pairingId", "unknown", "pairing " + r.pairingId() + " is not known to the payouts service");
    }
    if (pairing != null) {
      v.check(r.fromCounty() == null || r.fromCounty().equals(pairing.partnerCounty()), "fromCounty", "not-the-partner",
          "aid goes from the pairing's partner county " + pairing.partnerCounty());
      v.check(r.toCounty() == null || r.toCounty().equals(pairing.mountainCounty()), "toCounty", "not-the-mountain-county",
          "aid goes to the pairing's mountain county " + pairing.mountainCounty());
    }
    if (r.projectId() != null && project == null) {
      v.add("projectId", "unknown", "project " + r.projectId() + " is not known to the payouts service");
    } else if (project != null && pairing != null && !project.pairingId().equals(pairing.pairingId())) {
      v.add("projectId", "other-pairing", "project " + r.projectId() + " belongs to another pairing");
    }
    if (r.villageId() != null && villageCounty == null) {
      v.add("villageId", "unknown", "village " + r.villageId() + " is not registered");
    } else if (villageCounty != null && pairing != null && !villageCounty.equals(pairing.mountainCounty())) {
      v.add("villageId", "other-county", "village " + r.villageId() + " is not in " + pairing.mountainCounty());
    }
    TransactionType type = v.enumValue("transactionType", r.transactionType(), TransactionType.class);
    BigDecimal amount = v.amount("amount", r.amount());
    v.check(amount == null || amount.signum() > 0, "amount", "zero", "amount must be more than zero");
    LocalDate today = LocalDate.now(clock.withZone(ZHEJIANG));
    v.check(r.date() == null || !r.date().isAfter(today), "date", "future", "date is after today (" + today + ")");
    v.check(r.purpose() == null || r.purpose().length() <= 500, "purpose", "too-long", "purpose is at most 500 characters");
    v.throwIfAny();

    List<Warning> warnings = new ArrayList<>();
    if (type == TransactionType.DISBURSEMENT) {
      BigDecimal disbursed = totals.disbursed().add(amount);
      if (disbursed.compareTo(totals.committed()) > 0) {
        warnings.add(new Warning("beyond-commitment", "amount", "disbursed " + disbursed.toPlainString()
            + " yuan in all, beyond the " + totals.committed().toPlainString() + " committed"
            + (project != null ? " for this project" : " under this pairing")));
      }
    }
    return new AidTransfer(id, pairing.pairingId(), pairing.partnerCounty(), pairing.mountainCounty(), r.projectId(),
        r.villageId(), type, amount, r.date(), r.purpose(), List.copyOf(warnings), user, clock.instant());
  }

  public AidTransferred event() {
    return new AidTransferred(id, 1, pairingId, fromCounty, toCounty, projectId, villageId, type.name(), amount, date,
        purpose, warnings, recordedBy, recordedAt);
  }
}
