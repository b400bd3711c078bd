package org.shanhai.payouts.aid;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.shanhai.events.Warning;
import org.shanhai.events.payouts.AidTransferred;
import org.shanhai.events.value.CountyCode;
import org.shanhai.events.value.Money;
import org.shanhai.events.value.ProjectId;
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
    CountyCode fromCounty,
    CountyCode toCounty,
    ProjectId projectId,
    String villageId,
    TransactionType type,
    Money amount,
    LocalDate date,
    String purpose,
    List<Warning> warnings,
    String recordedBy,
    Instant recordedAt) {

  public enum TransactionType {
    COMMITMENT,
    DISBURSEMENT
  }

  /** The transfers already recorded in the same scope (pairing, and project when there is one). */
  public record Totals(Money committed, Money disbursed) {

    public static final Totals NONE = new Totals(Money.ZERO, Money.ZERO);

    static Totals of(List<AidTransfer> transfers) {
      Money committed = Money.ZERO;
      Money disbursed = Money.ZERO;
      for (AidTransfer t : transfers) {
        if (t.type() == TransactionType.COMMITMENT) {
          committed = committed.plus(t.amount());
        } else {
          disbursed = disbursed.plus(t.amount());
        }
      }
      return new Totals(committed, disbursed);
    }
  }

  /**
   * Validates a transfer against what the service knows: the pairing, the project and the
   * village's county (each null when unknown or not named). Dates are Zhejiang's.
   */
  public static AidTransfer record(String id, ReportedTransfer r, PairingView pairing, ProjectView project,
      CountyCode villageCounty, Totals totals, String user, Clock clock) {
    Violations v = new Violations().required("pairingId", r.pairingId()).required("transactionType",
        r.transactionType()).required("amount", r.amount()).required("date", r.date());
    if (r.pairingId() != null && pairing == null) {
      v.add("pairingId", "unknown", "pairing " + r.pairingId() + " is not known to the payouts service");
    }
    if (pairing != null) {
      v.check(r.fromCounty() == null || r.fromCounty().equals(pairing.partnerCounty().code()), "fromCounty",
          "not-the-partner", "aid goes from the pairing's partner county " + pairing.partnerCounty());
      v.check(r.toCounty() == null || r.toCounty().equals(pairing.mountainCounty().code()), "toCounty",
          "not-the-mountain-county", "aid goes to the pairing's mountain county " + pairing.mountainCounty());
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
    Money amount = Money.of(v.amount("amount", r.amount()));
    v.check(amount == null || amount.isPositive(), "amount", "zero", "amount must be more than zero");
    LocalDate today = LocalDate.now(clock);
    v.check(r.date() == null || !r.date().isAfter(today), "date", "future", "date is after today (" + today + ")");
    v.check(r.purpose() == null || r.purpose().length() <= 500, "purpose", "too-long", "purpose is at most 500 characters");
    v.throwIfAny();

    List<Warning> warnings = new ArrayList<>();
    if (r.transactionType() == TransactionType.DISBURSEMENT) {
      Money disbursed = totals.disbursed().plus(amount);
      if (disbursed.isMoreThan(totals.committed())) {
        warnings.add(new Warning("beyond-commitment", "amount", "disbursed " + disbursed
            + " yuan in all, beyond the " + totals.committed() + " committed"
            + (project != null ? " for this project" : " under this pairing")));
      }
    }
    return new AidTransfer(id, pairing.pairingId(), pairing.partnerCounty(), pairing.mountainCounty(),
        project == null ? null : project.projectId(), r.villageId(), r.transactionType(), amount, r.date(), r.purpose(),
        List.copyOf(warnings), user, clock.instant());
  }

  public AidTransferred event() {
    return new AidTransferred(id, 1, pairingId, fromCounty, toCounty, projectId, villageId, type.name(), amount, date,
        purpose, warnings, recordedBy, recordedAt);
  }
}
