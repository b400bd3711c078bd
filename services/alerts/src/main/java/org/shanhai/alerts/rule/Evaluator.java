package org.shanhai.alerts.rule;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.shanhai.alerts.projection.PayoutView;
import org.shanhai.alerts.projection.ProjectView;
import org.shanhai.alerts.projection.VillageView;
import org.shanhai.alerts.targets.Target;
import org.shanhai.events.projects.InvestmentPlanPoint;
import org.shanhai.events.value.CountyCode;
import org.shanhai.events.value.Money;

/**
 * The rules themselves: given what is known of a subject and today's date (Zhejiang's), which
 * conditions hold. Pure functions, so every rule is tested without a clock, a database or a broker;
 * a disabled rule never holds, which resolves what it had opened.
 */
public final class Evaluator {

  private static final BigDecimal HUNDRED = new BigDecimal("100");

  private Evaluator() {
  }

  /**
   * The fingerprints of the checks {@link #project}, {@link #payout} or {@link #village} make on the
   * subject of {@code type} with {@code id}: its alerts can be read before its view is.
   */
  public static List<String> fingerprints(Subject.Type type, String id) {
    List<RuleId> rules = switch (type) {
      case PROJECT -> List.of(RuleId.PROJECT_STALLED, RuleId.INVESTMENT_BEHIND_PLAN, RuleId.PROJECT_SUSPENDED,
          RuleId.UPDATE_WARNINGS);
      case PAYOUT -> List.of(RuleId.PAYOUT_OVERDUE, RuleId.PAYOUT_SHORT);
      case VILLAGE -> List.of(RuleId.WEAK_VILLAGE);
      case TARGET -> List.of(RuleId.ANNUAL_TARGET_AT_RISK);
    };
    return rules.stream().map(rule -> Check.fingerprint(rule, type, id)).toList();
  }

  /** The project rules: stalled, investment behind plan, suspended or cancelled, update with warnings. */
  public static List<Check> project(ProjectView p, RuleBook rules, LocalDate today) {
    Subject subject = new Subject(Subject.Type.PROJECT, p.projectId().value(), p.mountainCounty(), p.partnerCounty(),
        p.pairingId(), p.projectId(), p.kind());
    return List.of(
        check(RuleId.PROJECT_STALLED, subject, rules, config -> stalled(p, config.intParam("days"), today)),
        check(RuleId.INVESTMENT_BEHIND_PLAN, subject, rules, config -> behindPlan(p, config.intParam("percent"), today)),
        check(RuleId.PROJECT_SUSPENDED, subject, rules, config -> suspended(p)),
        check(RuleId.UPDATE_WARNINGS, subject, rules, config -> warnings(p)));
  }

  /** The payout rules: overdue with nothing paid, and paid short of the guaranteed amount after the due date. */
  public static List<Check> payout(PayoutView p, RuleBook rules, LocalDate today) {
    Subject subject = new Subject(Subject.Type.PAYOUT, p.payoutId(), p.mountainCounty(), p.partnerCounty(),
        p.pairingId(), p.projectId(), null);
    Map<String, String> evidence = new LinkedHashMap<>();
    evidence.put("year", String.valueOf(p.year()));
    evidence.put("dueDate", p.dueDate().toString());
    evidence.put("guaranteedAmount", p.guaranteedAmount().toString());
    evidence.put("paidAmount", p.paidAmount().toString());
    evidence.put("shortfall", p.guaranteedAmount().minus(p.paidAmount()).max(Money.ZERO).toString());
    boolean nothingPaid = p.paidAmount().isZero();
    return List.of(
        check(RuleId.PAYOUT_OVERDUE, subject, rules, config -> "OVERDUE".equals(p.status()) && nothingPaid
            ? Optional.of(new Finding("Payout " + p.year() + " (due " + p.dueDate() + ", " + p.guaranteedAmount()
                + " yuan) is overdue with nothing paid", evidence))
            : Optional.empty()),
        check(RuleId.PAYOUT_SHORT, subject, rules, config -> !nothingPaid
            && p.paidAmount().isLessThan(p.guaranteedAmount()) && today.isAfter(p.dueDate())
            ? Optional.of(new Finding("Payout " + p.year() + " paid " + p.paidAmount() + " of "
                + p.guaranteedAmount() + " yuan guaranteed after its due date " + p.dueDate(), evidence))
            : Optional.empty()));
  }

  /** A village whose latest reported income is under the threshold. */
  public static List<Check> village(VillageView v, RuleBook rules) {
    Subject subject = new Subject(Subject.Type.VILLAGE, v.villageId(), v.county(), null, null, null, null);
    return List.of(check(RuleId.WEAK_VILLAGE, subject, rules, config -> {
      Money threshold = config.amountParam("threshold");
      Money income = v.latestIncome();
      return income.isLessThan(threshold)
          ? Optional.of(new Finding(v.name() + " reported " + income + " yuan of income for "
              + v.latestYear() + ", under the " + threshold + " yuan threshold",
              Map.of("year", String.valueOf(v.latestYear()), "income", income.toString(),
                  "threshold", threshold.toString())))
          : Optional.empty();
    }));
  }

  /**
   * The annual targets of {@code today}'s year: the province's (its default unless set) and every
   * county's and pairing's that was set. Investment so far this year is projected linearly to the
   * year end; before the rule's {@code from} day the projection is too noisy to judge and nothing holds.
   */
  public static List<Check> targets(List<ProjectView> projects, List<Target> set, RuleBook rules, LocalDate today) {
    int year = today.getYear();
    List<Target> targets = new ArrayList<>(set.stream().filter(t -> t.year() == year).toList());
    if (targets.stream().noneMatch(t -> t.scope() == Target.Scope.PROVINCE)) {
      targets.add(Target.provinceDefault(year));
    }
    BigDecimal elapsed = BigDecimal.valueOf(today.getDayOfYear())
        .divide(BigDecimal.valueOf(today.lengthOfYear()), 6, RoundingMode.HALF_UP);
    List<Check> checks = new ArrayList<>();
    for (Target target : targets) {
      List<ProjectView> inScope = projects.stream().filter(inScope(target)).toList();
      ProjectView any = inScope.isEmpty() ? null : inScope.get(0);
      Subject subject = new Subject(Subject.Type.TARGET, target.id(),
          target.scope() == Target.Scope.COUNTY ? CountyCode.of(target.key())
              : target.scope() == Target.Scope.PAIRING && any != null ? any.mountainCounty() : null,
          target.scope() == Target.Scope.PAIRING && any != null ? any.partnerCounty() : null,
          target.scope() == Target.Scope.PAIRING ? target.key() : null, null, null);
      checks.add(check(RuleId.ANNUAL_TARGET_AT_RISK, subject, rules, config -> {
        if (today.isBefore(config.monthDayParam("from").atYear(year))) {
          return Optional.empty();
        }
        Money invested = inScope.stream().map(p -> p.investedIn(year)).reduce(Money.ZERO, Money::plus);
        Money projected = Money.of(invested.yuan().divide(elapsed, 2, RoundingMode.HALF_UP));
        if (!projected.isLessThan(target.investment())) {
          return Optional.empty();
        }
        return Optional.of(new Finding(target.scope().name().toLowerCase() + " " + target.key() + ": "
            + invested + " yuan invested so far in " + year + ", on pace for " + projected + " against a target of "
            + target.investment(),
            Map.of("year", String.valueOf(year), "invested", invested.toString(),
                "projected", projected.toString(), "target", target.investment().toString(),
                "elapsedShare", elapsed.toPlainString())));
      }));
    }
    return checks;
  }

  private static Predicate<ProjectView> inScope(Target target) {
    return switch (target.scope()) {
      case PROVINCE -> p -> true;
      case COUNTY -> p -> p.mountainCounty() != null && target.key().equals(p.mountainCounty().code());
      case PAIRING -> p -> target.key().equals(p.pairingId());
    };
  }

  private static Optional<Finding> stalled(ProjectView p, int days, LocalDate today) {
    LocalDate last = p.lastHeardOf();
    if (!p.isUnderWay() || last == null || !today.isAfter(last.plusDays(days))) {
      return Optional.empty();
    }
    long silent = ChronoUnit.DAYS.between(last, today);
    return Optional.of(new Finding(p.title() + " (" + p.status() + ") has had no update for " + silent + " days",
        Map.of("status", p.status(), "lastHeardOf", last.toString(), "daysWithoutUpdate", String.valueOf(silent),
            "allowedDays", String.valueOf(days))));
  }

  private static Optional<Finding> behindPlan(ProjectView p, int percent, LocalDate today) {
    if (p.isSuspendedOrCancelled()) {
      return Optional.empty();
    }
    Optional<InvestmentPlanPoint> due = p.investmentPlan().stream().filter(point -> point.date().isBefore(today))
        .max((a, b) -> a.date().compareTo(b.date()));
    if (due.isEmpty() || due.get().cumulative().isZero()) {
      return Optional.empty();
    }
    Money done = p.cumulativeInvestment() == null ? Money.ZERO : p.cumulativeInvestment();
    BigDecimal share = done.yuan().multiply(HUNDRED).divide(due.get().cumulative().yuan(), 1, RoundingMode.HALF_UP);
    if (share.compareTo(BigDecimal.valueOf(percent)) >= 0) {
      return Optional.empty();
    }
    return Optional.of(new Finding(p.title() + " has completed " + done + " yuan, " + share.toPlainString()
        + "% of the " + due.get().cumulative() + " planned by " + due.get().date(),
        Map.of("planDate", due.get().date().toString(), "planned", due.get().cumulative().toString(),
            "completed", done.toString(), "percentOfPlan", share.toPlainString(),
            "minimumPercent", String.valueOf(percent))));
  }

  private static Optional<Finding> suspended(ProjectView p) {
    if (!p.isSuspendedOrCancelled()) {
      return Optional.empty();
    }
    if (p.statusSince() == null) {
      return Optional.of(new Finding(p.title() + " is " + p.status(), Map.of("status", p.status())));
    }
    return Optional.of(new Finding(p.title() + " is " + p.status() + " since " + p.statusSince(),
        Map.of("status", p.status(), "since", p.statusSince().toString())));
  }

  private static Optional<Finding> warnings(ProjectView p) {
    if (p.latestWarnings().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Finding(p.title() + ": the update of " + p.lastReportDate() + " was accepted with warnings: "
        + String.join("; ", p.latestWarnings()), Map.of("reportDate", String.valueOf(p.lastReportDate()),
        "warnings", String.join("; ", p.latestWarnings()))));
  }

  /** The rule's check on {@code subject}: never holding while the rule is off. */
  private static Check check(RuleId rule, Subject subject, RuleBook rules,
      java.util.function.Function<RuleConfig, Optional<Finding>> condition) {
    RuleConfig config = rules.of(rule);
    return new Check(rule, subject, config.enabled() ? condition.apply(config).orElse(null) : null);
  }
}
