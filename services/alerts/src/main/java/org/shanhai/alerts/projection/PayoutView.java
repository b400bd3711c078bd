package org.shanhai.alerts.projection;

import java.time.LocalDate;

import org.shanhai.events.payouts.Payout;
import org.shanhai.events.payouts.PayoutDisbursed;
import org.shanhai.events.payouts.PayoutDue;
import org.shanhai.events.payouts.PayoutEvent;
import org.shanhai.events.payouts.PayoutOverdue;
import org.shanhai.events.payouts.PayoutScheduled;
import org.shanhai.events.value.CountyCode;
import org.shanhai.events.value.Money;
import org.shanhai.events.value.ProjectId;

/** One year's payout of a shareholding, as the payouts service's events report it. */
public record PayoutView(
    String payoutId,
    String shareholdingId,
    ProjectId projectId,
    String pairingId,
    CountyCode mountainCounty,
    CountyCode partnerCounty,
    int year,
    LocalDate dueDate,
    Money guaranteedAmount,
    Money paidAmount,
    String status) implements SubjectView {

  /**
   * The payout after {@code event}: every payout event carries the payout's terms and what was paid
   * by then. A due date reached with something paid already leaves it partly paid.
   */
  static PayoutView fold(PayoutEvent event) {
    Money paid;
    String status;
    if (event instanceof PayoutScheduled) {
      paid = Money.ZERO;
      status = "SCHEDULED";
    } else if (event instanceof PayoutDue due) {
      paid = due.paidAmount();
      status = paid.isZero() ? "DUE" : "PARTIALLY_PAID";
    } else if (event instanceof PayoutOverdue overdue) {
      paid = overdue.paidAmount();
      status = "OVERDUE";
    } else if (event instanceof PayoutDisbursed disbursed) {
      paid = disbursed.paidAmount();
      status = disbursed.status();
    } else {
      throw new IllegalArgumentException("not a payout event: " + event.type());
    }
    Payout p = event.payout();
    return new PayoutView(p.payoutId(), p.shareholdingId(), p.projectId(), p.pairingId(), p.mountainCounty(),
        p.partnerCounty(), p.year(), p.dueDate(), p.guaranteedAmount(), paid, status);
  }
}
