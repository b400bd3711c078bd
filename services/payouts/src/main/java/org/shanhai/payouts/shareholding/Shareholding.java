package org.shanhai.payouts.shareholding;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Year;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.shanhai.events.payouts.PayoutDisbursed;
import org.shanhai.events.payouts.PayoutDue;
import org.shanhai.events.payouts.PayoutOverdue;
import org.shanhai.events.payouts.PayoutScheduled;
import org.shanhai.events.payouts.PayoutsEvent;
import org.shanhai.events.payouts.ShareholdingRegistered;
import org.shanhai.events.value.CountyCode;
import org.shanhai.events.value.Money;
import org.shanhai.events.value.ProjectId;
import org.shanhai.payouts.projection.ProjectView;
import org.shanhai.web.validation.NotFound;
import org.shanhai.web.validation.Violations;

/**
 * Village collectives' stake in an enclave or park, with its schedule of yearly payouts. Terms live
 * on each shareholding, not as a province-wide rule. Payouts do not wait for the enclave to operate
 * (衢江 was paid for 2020 while its enclave was being built). Due dates are days in Zhejiang
 * (DESIGN.md §4): the clock passed in is in the configured zone.
 *
 * <p>{@code capital} is null when not stated, which only a fixed return allows.
 *
 * <p>Rounding: a guaranteed payout is {@code capital × guaranteedRate}, rounded half-up to the fen
 * (0.01 yuan) once per payout ({@link Money#times}); sums are of rounded payouts, never rounded again.
 */
public record Shareholding(
    String id,
    ProjectId projectId,
    String pairingId,
    CountyCode mountainCounty,
    CountyCode partnerCounty,
    Holder holder,
    Money capital,
    ReturnType returnType,
    BigDecimal guaranteedRate,
    Money fixedAnnualAmount,
    MonthDay payoutMonthDay,
    int firstPayoutYear,
    int lastPayoutYear,
    List<Payout> payouts,
    long sequence,
    String registeredBy,
    Instant registeredAt) {

  static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MM-dd");
  static final int MAX_TERM = 50;

  /** The terms the province sets per deployment. */
  public record Policy(BigDecimal maxGuaranteedRate, int defaultTermYears, int graceDays) {
  }

  /** A registered village a holder names: where it is and what it is called. */
  public record KnownVillage(CountyCode county, String name) {
  }

  /** A change and the events it causes, to be stored together. */
  public record Changed(Shareholding shareholding, List<PayoutsEvent> events) {
  }

  public static String payoutId(String shareholdingId, int year) {
    return shareholdingId + "-" + year;
  }

  /**
   * Validates a registration against the project it names (null when unknown) and the villages it
   * names (by id; those missing from {@code knownVillages} are unknown), and schedules one payout a year.
   */
  public static Changed register(String id, ShareholdingRegistration r, ProjectView project,
      Map<String, KnownVillage> knownVillages, Policy policy, String user, Clock clock) {
    Violations v = new Violations().required("projectId", r.projectId()).required("holder", r.holder())
        .required("returnType", r.returnType())
        .required("payoutMonthDay", r.payoutMonthDay()).required("firstPayoutYear", r.firstPayoutYear());
    if (r.projectId() != null && project == null) {
      v.add("projectId", "unknown", "project " + r.projectId() + " is not known (yet) to the payouts service");
    } else if (project != null && !project.takesShareholdings()) {
      v.add("projectId", "not-an-enclave-or-park", "project " + r.projectId() + " is a " + project.kind()
          + "; villages hold shares only in enclaves and parks");
    }
    Holder holder = Holder.of(r.holder(), project, knownVillages, v);
    Money capital = Money.of(v.amount("capital", r.capital()));
    v.check(capital == null || capital.isPositive(), "capital", "zero", "capital must be more than zero");
    ReturnType type = r.returnType();
    // A fixed return does not depend on the capital, which the sources often do not state (衢江's 120 villages).
    v.check(r.capital() != null || type == ReturnType.FIXED, "capital", "required",
        "capital is required for a guaranteed-minimum return");
    BigDecimal rate = null;
    Money fixed = null;
    if (type == ReturnType.GUARANTEED_MINIMUM) {
      rate = rate(r.guaranteedRate(), policy, v);
      v.check(r.fixedAnnualAmount() == null, "fixedAnnualAmount", "not-applicable",
          "a guaranteed-minimum return has a rate, not a fixed amount");
    } else if (type == ReturnType.FIXED) {
      v.required("fixedAnnualAmount", r.fixedAnnualAmount());
      fixed = Money.of(v.amount("fixedAnnualAmount", r.fixedAnnualAmount()));
      v.check(fixed == null || fixed.isPositive(), "fixedAnnualAmount", "zero", "the fixed amount must be more than zero");
      v.check(r.guaranteedRate() == null, "guaranteedRate", "not-applicable", "a fixed return has no rate");
    }
    MonthDay monthDay = monthDay(r.payoutMonthDay(), v);
    int thisYear = Year.now(clock).getValue();
    Integer first = r.firstPayoutYear();
    v.check(first == null || (first >= 2003 && first <= thisYear + 5), "firstPayoutYear", "out-of-range",
        "firstPayoutYear must be from 2003 to " + (thisYear + 5));
    int last = r.lastPayoutYear() != null ? r.lastPayoutYear() : (first == null ? 0 : first + policy.defaultTermYears() - 1);
    v.check(first == null || (last >= first && last < first + MAX_TERM), "lastPayoutYear", "out-of-range",
        "lastPayoutYear must be from firstPayoutYear to " + MAX_TERM + " years after it");
    v.throwIfAny();

    Money yearly = type == ReturnType.FIXED ? fixed : capital.times(rate);
    List<Payout> payouts = new ArrayList<>();
    for (int year = first; year <= last; year++) {
      payouts.add(new Payout(year, monthDay.atYear(year), yearly, Money.ZERO, PayoutStatus.SCHEDULED, List.of()));
    }
    Instant now = clock.instant();
    Shareholding registered = new Shareholding(id, project.projectId(), project.pairingId(), project.mountainCounty(),
        project.partnerCounty(), holder, capital, type, rate, fixed, monthDay, first, last, List.copyOf(payouts),
        1 + payouts.size(), user, now);
    List<PayoutsEvent> events = new ArrayList<>();
    events.add(new ShareholdingRegistered(id, 1, registered.projectId(), registered.pairingId(),
        registered.mountainCounty(), registered.partnerCounty(), holder.name(), holder.villageCount(),
        holder.knownVillages(), capital, type.name(), rate, fixed, monthDay.format(MONTH_DAY), first, last, user, now));
    for (int i = 0; i < payouts.size(); i++) {
      events.add(new PayoutScheduled(2 + i, registered.ref(payouts.get(i)), now));
    }
    return new Changed(registered, List.copyOf(events));
  }

  /** What a year's payout amounts to: the fixed amount, or capital × the guaranteed rate. */
  public Money annualAmount() {
    return returnType == ReturnType.FIXED ? fixedAnnualAmount : capital.times(guaranteedRate);
  }

  /**
   * Records a payment towards the payout of {@code year}. Partial payments are allowed; paying a
   * paid payout or more than is outstanding is refused.
   *
   * @param requestHash the fingerprint of the request, kept with the payment to tell a replay from a reused key
   */
  public Changed disburse(int year, String disbursementId, Payment payment, String requestHash, String user,
      Clock clock) {
    Payout payout = payout(year);
    Violations v = new Violations().required("amount", payment.amount()).required("paidOn", payment.paidOn());
    v.check(payout.status() != PayoutStatus.PAID, "payout", "already-paid", "the " + year + " payout is paid in full");
    Money amount = Money.of(v.amount("amount", payment.amount()));
    v.check(amount == null || amount.isPositive(), "amount", "zero", "amount must be more than zero");
    if (amount != null && payout.status() != PayoutStatus.PAID && amount.isMoreThan(payout.outstanding())) {
      v.add("amount", "overpayment", "amount exceeds the " + payout.outstanding() + " yuan still outstanding for "
          + year);
    }
    LocalDate today = LocalDate.now(clock);
    v.check(payment.paidOn() == null || !payment.paidOn().isAfter(today), "paidOn", "future",
        "paidOn is after today (" + today + ")");
    v.check(payment.reference() == null || payment.reference().length() <= 200, "reference", "too-long",
        "reference is at most 200 characters");
    v.throwIfAny();

    Instant now = clock.instant();
    Money paid = payout.paidAmount().plus(amount);
    PayoutStatus status = paid.equals(payout.guaranteedAmount()) ? PayoutStatus.PAID
        : payout.status() == PayoutStatus.OVERDUE ? PayoutStatus.OVERDUE : PayoutStatus.PARTIALLY_PAID;
    List<Payout.Disbursement> disbursements = new ArrayList<>(payout.disbursements());
    disbursements.add(new Payout.Disbursement(disbursementId, amount, payment.paidOn(), payment.reference(), user, now,
        requestHash));
    Payout next = new Payout(year, payout.dueDate(), payout.guaranteedAmount(), paid, status,
        List.copyOf(disbursements));
    Shareholding changed = replacing(next, sequence + 1);
    return new Changed(changed, List.of(new PayoutDisbursed(changed.sequence(), ref(next), disbursementId, amount,
        payment.paidOn(), payment.reference(), paid, status.name(), user, now)));
  }

  /**
   * Moves payouts along with time: SCHEDULED becomes DUE on its due date; a payout not fully paid
   * after its due date plus {@code graceDays} becomes OVERDUE. Null when nothing moved.
   */
  public Changed advance(int graceDays, Clock clock) {
    LocalDate today = LocalDate.now(clock);
    Instant now = clock.instant();
    List<Payout> next = new ArrayList<>();
    List<PayoutsEvent> events = new ArrayList<>();
    long seq = sequence;
    for (Payout p : payouts) {
      Payout moved = p;
      if (moved.status() == PayoutStatus.SCHEDULED && !today.isBefore(moved.dueDate())) {
        moved = moved.with(PayoutStatus.DUE);
        events.add(new PayoutDue(++seq, ref(moved), moved.paidAmount(), now));
      }
      if (moved.status().isOpen() && today.isAfter(moved.dueDate().plusDays(graceDays))) {
        moved = moved.with(PayoutStatus.OVERDUE);
        events.add(new PayoutOverdue(++seq, ref(moved), moved.paidAmount(), moved.outstanding(), graceDays, now));
      }
      next.add(moved);
    }
    if (events.isEmpty()) {
      return null;
    }
    return new Changed(new Shareholding(id, projectId, pairingId, mountainCounty, partnerCounty, holder, capital,
        returnType, guaranteedRate, fixedAnnualAmount, payoutMonthDay, firstPayoutYear, lastPayoutYear,
        List.copyOf(next), seq, registeredBy, registeredAt), List.copyOf(events));
  }

  public Payout payout(int year) {
    return payouts.stream().filter(p -> p.year() == year).findFirst()
        .orElseThrow(() -> new NotFound("payout", payoutId(id, year)));
  }

  org.shanhai.events.payouts.Payout ref(Payout p) {
    return new org.shanhai.events.payouts.Payout(payoutId(id, p.year()), id, projectId, pairingId, mountainCounty,
        partnerCounty, p.year(), p.dueDate(), p.guaranteedAmount(), holder.villageCount());
  }

  private Shareholding replacing(Payout payout, long nextSequence) {
    List<Payout> next = payouts.stream().map(p -> p.year() == payout.year() ? payout : p).toList();
    return new Shareholding(id, projectId, pairingId, mountainCounty, partnerCounty, holder, capital, returnType,
        guaranteedRate, fixedAnnualAmount, payoutMonthDay, firstPayoutYear, lastPayoutYear, next, nextSequence,
        registeredBy, registeredAt);
  }

  private static BigDecimal rate(BigDecimal rate, Policy policy, Violations v) {
    v.required("guaranteedRate", rate);
    if (rate == null) {
      return null;
    }
    if (rate.signum() <= 0 || rate.compareTo(policy.maxGuaranteedRate()) > 0) {
      v.add("guaranteedRate", "out-of-range", "guaranteedRate is a fraction above 0 and at most "
          + policy.maxGuaranteedRate().toPlainString() + " (0.10 for 10%)");
      return null;
    }
    if (rate.stripTrailingZeros().scale() > 4) {
      v.add("guaranteedRate", "too-precise", "guaranteedRate has at most four decimals");
      return null;
    }
    return rate;
  }

  private static MonthDay monthDay(String value, Violations v) {
    if (value == null) {
      return null;
    }
    try {
      MonthDay monthDay = MonthDay.parse("--" + value);
      if (!monthDay.isValidYear(2021)) {
        v.add("payoutMonthDay", "not-every-year", "a payout day must exist every year (not 02-29)");
      }
      return monthDay;
    } catch (DateTimeException e) {
      v.add("payoutMonthDay", "malformed", "payoutMonthDay is MM-DD, e.g. 12-31");
      return null;
    }
  }
}
