package org.shanhai.projects.project;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.shanhai.events.projects.InvestmentPlanPoint;
import org.shanhai.events.value.CountyCode;
import org.shanhai.events.value.Money;
import org.shanhai.events.value.ProjectId;
import org.shanhai.projects.county.Counties;
import org.shanhai.projects.pairing.Pairing;
import org.shanhai.web.validation.Violations;

/**
 * A project registration that passed validation: everything {@link Project#registered} needs.
 * {@code plannedInvestment} is null while it is not known.
 */
public record ProjectDraft(
    String pairingId,
    CountyCode mountainCounty,
    CountyCode partnerCounty,
    String name,
    ProjectKind kind,
    CountyCode hostCounty,
    Money plannedInvestment,
    List<InvestmentPlanPoint> investmentPlan,
    LocalDate plannedStart,
    LocalDate plannedCompletion,
    ProjectId enclaveId,
    ProjectStatus status,
    String externalCode) {

  static final int MAX_NAME_LENGTH = 200;
  static final int MAX_PLAN_POINTS = 120;
  static final int MAX_EXTERNAL_CODE_LENGTH = 64;
  private static final Pattern EXTERNAL_CODE = Pattern.compile("[\\p{L}\\p{N}._/-]{1," + MAX_EXTERNAL_CODE_LENGTH + "}");

  /**
   * Validates a registration against the pairing it names and the kind of the enclave or park it
   * sits in (each null when not found), and returns the draft or throws with every violation.
   */
  public static ProjectDraft validate(ProjectRegistration r, Pairing pairing, ProjectKind enclaveKind,
      Counties counties, Clock clock) {
    Violations v = new Violations()
        .required("pairingId", r.pairingId())
        .required("name", r.name())
        .required("kind", r.kind())
        .required("hostCounty", r.hostCounty());
    if (r.pairingId() != null && pairing == null) {
      v.add("pairingId", "unknown", "pairing " + r.pairingId() + " does not exist");
    } else if (pairing != null && !pairing.isActive(clock)) {
      v.add("pairingId", "inactive", "pairing " + r.pairingId() + " is not active (it ran "
          + pairing.since() + "–" + pairing.until() + ")");
    }
    if (r.name() != null && r.name().strip().length() > MAX_NAME_LENGTH) {
      v.add("name", "too-long", "name is at most " + MAX_NAME_LENGTH + " characters");
    }
    String externalCode = r.externalCode() == null || r.externalCode().isBlank() ? null : r.externalCode().strip();
    if (externalCode != null && !EXTERNAL_CODE.matcher(externalCode).matches()) {
      v.add("externalCode", "malformed", "externalCode is 1 to " + MAX_EXTERNAL_CODE_LENGTH
          + " letters, digits, CJK characters or - _ . / (no spaces)");
    }
    if (r.hostCounty() != null && counties.find(r.hostCounty()).isEmpty()) {
      v.add("hostCounty", "unknown-county", r.hostCounty() + " is not a known county (GB/T 2260 code)");
    }
    Money planned = plannedInvestment("plannedInvestment", r.plannedInvestment(), v);
    List<InvestmentPlanPoint> plan = plan(r.investmentPlan(), planned, v);
    if (r.plannedStart() != null && r.plannedCompletion() != null
        && r.plannedCompletion().isBefore(r.plannedStart())) {
      v.add("plannedCompletion", "before-start", "plannedCompletion is before plannedStart");
    }
    if (r.enclaveId() != null && enclaveKind == null) {
      v.add("enclaveId", "unknown", "project " + r.enclaveId() + " does not exist");
    } else if (enclaveKind != null && !enclaveKind.isEnclaveOrPark()) {
      v.add("enclaveId", "not-an-enclave", "project " + r.enclaveId() + " is a " + enclaveKind
          + ", not an enclave or park");
    }
    if (r.status() != null && !r.status().isActive()) {
      v.add("status", "not-initial", "a project is registered in an active status; report " + r.status()
          + " as an update");
    }
    v.throwIfAny();
    return new ProjectDraft(pairing.id(), pairing.mountainCounty(), pairing.partnerCounty(), r.name().strip(),
        r.kind(), CountyCode.of(r.hostCounty()), planned, plan, r.plannedStart(), r.plannedCompletion(),
        enclaveKind == null ? null : ProjectId.of(r.enclaveId()), r.status() == null ? ProjectStatus.PLANNED : r.status(),
        externalCode);
  }

  /** A planned investment as sent: absent (null: not known yet), or an amount above zero. */
  static Money plannedInvestment(String field, BigDecimal sent, Violations violations) {
    Money planned = Money.of(violations.amount(field, sent));
    if (planned != null && planned.isZero()) {
      violations.add(field, "zero", field + " must be more than zero; leave it out while it is not known");
      return null;
    }
    return planned;
  }

  /**
   * The plan's dates strictly increase, its amounts never decrease and never exceed the planned
   * investment (when it is known).
   */
  private static List<InvestmentPlanPoint> plan(List<ProjectRegistration.PlanPoint> points, Money planned,
      Violations v) {
    if (points == null) {
      return List.of();
    }
    if (points.size() > MAX_PLAN_POINTS) {
      v.add("investmentPlan", "too-long", "an investment plan has at most " + MAX_PLAN_POINTS + " points");
      return List.of();
    }
    List<InvestmentPlanPoint> plan = new ArrayList<>();
    InvestmentPlanPoint previous = null;
    for (int i = 0; i < points.size(); i++) {
      String field = "investmentPlan[" + i + "]";
      ProjectRegistration.PlanPoint point = points.get(i);
      if (point == null) {
        v.add(field, "required", field + " is null");
        continue;
      }
      v.required(field + ".date", point.date()).required(field + ".cumulative", point.cumulative());
      BigDecimal cumulative = v.amount(field + ".cumulative", point.cumulative());
      if (point.date() == null || cumulative == null) {
        continue;
      }
      Money amount = Money.of(cumulative);
      if (previous != null && !point.date().isAfter(previous.date())) {
        v.add(field + ".date", "not-increasing", "plan dates must increase");
      }
      if (previous != null && amount.isLessThan(previous.cumulative())) {
        v.add(field + ".cumulative", "decreasing", "a cumulative plan never goes down");
      }
      if (planned != null && amount.isMoreThan(planned)) {
        v.add(field + ".cumulative", "above-planned-investment", "the plan exceeds the planned investment");
      }
      previous = new InvestmentPlanPoint(point.date(), amount);
      plan.add(previous);
    }
    return List.copyOf(plan);
  }
}
