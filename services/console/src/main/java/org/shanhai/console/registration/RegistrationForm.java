package org.shanhai.console.registration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.shanhai.console.api.ProjectsApi.PlanPoint;
import org.shanhai.console.api.ProjectsApi.Registration;
import org.shanhai.console.web.FormInput;

/**
 * A project's registration as the officer fills it in, amounts in 万元; the investment plan is rows
 * of a date and the cumulative investment planned by then ({@code planDate[i]}, {@code planCumulative[i]}),
 * which the officer adds and removes. {@code key} is the Idempotency-Key of the registration.
 */
public record RegistrationForm(String name, String kind, String hostCounty, String status, String plannedInvestment,
    String plannedStart, String plannedCompletion, List<String> planDate, List<String> planCumulative, String key) {

  public RegistrationForm {
    planDate = planDate == null ? List.of() : List.copyOf(planDate);
    planCumulative = planCumulative == null ? List.of() : List.copyOf(planCumulative);
  }

  /** Whether the form has an input for the API's {@code field} (a plan row's too), where its error is shown. */
  static boolean shows(String field) {
    return Set.of("name", "kind", "hostCounty", "status", "plannedInvestment", "plannedStart", "plannedCompletion",
        "investmentPlan").contains(field) || field.startsWith("investmentPlan[");
  }

  /** An empty form with one plan row, for a project hosted in {@code hostCounty}. */
  static RegistrationForm empty(String hostCounty) {
    return new RegistrationForm("", "INDUSTRIAL_PROJECT", hostCounty, "PLANNED", "", "", "", List.of(""), List.of(""),
        UUID.randomUUID().toString());
  }

  /**
   * How many plan rows the form shows: at least one (a single row left empty arrives as no value at
   * all, and an empty row is left out of the registration anyway).
   */
  public int rows() {
    return Math.max(1, Math.max(planDate.size(), planCumulative.size()));
  }

  public String planDateAt(int row) {
    return row < planDate.size() ? planDate.get(row) : "";
  }

  public String planCumulativeAt(int row) {
    return row < planCumulative.size() ? planCumulative.get(row) : "";
  }

  /** The same form with an empty row more at the end. */
  RegistrationForm withRow() {
    List<String> dates = new ArrayList<>(padded(planDate));
    List<String> amounts = new ArrayList<>(padded(planCumulative));
    dates.add("");
    amounts.add("");
    return new RegistrationForm(name, kind, hostCounty, status, plannedInvestment, plannedStart, plannedCompletion,
        dates, amounts, key);
  }

  /** The same form without row {@code row}. */
  RegistrationForm withoutRow(int row) {
    List<String> dates = new ArrayList<>(padded(planDate));
    List<String> amounts = new ArrayList<>(padded(planCumulative));
    if (row >= 0 && row < dates.size()) {
      dates.remove(row);
      amounts.remove(row);
    }
    return new RegistrationForm(name, kind, hostCounty, status, plannedInvestment, plannedStart, plannedCompletion,
        dates, amounts, key);
  }

  /** The fields the console cannot read as dates or numbers, by the API's field names, as message keys. */
  Map<String, String> unreadable() {
    Map<String, String> errors = new LinkedHashMap<>();
    FormInput.date("plannedStart", plannedStart, errors);
    FormInput.date("plannedCompletion", plannedCompletion, errors);
    FormInput.number("plannedInvestment", plannedInvestment, errors);
    for (int row = 0; row < rows(); row++) {
      FormInput.date("investmentPlan[" + row + "].date", planDateAt(row), errors);
      FormInput.number("investmentPlan[" + row + "].cumulative", planCumulativeAt(row), errors);
    }
    return errors;
  }

  /** The registration for the API under {@code pairingId}, amounts in yuan; fully blank plan rows are left out. */
  Registration toRegistration(String pairingId) {
    List<PlanPoint> plan = new ArrayList<>();
    for (int row = 0; row < rows(); row++) {
      if (!FormInput.blank(planDateAt(row)) || !FormInput.blank(planCumulativeAt(row))) {
        plan.add(new PlanPoint(FormInput.localDate(planDateAt(row)), FormInput.yuan(planCumulativeAt(row))));
      }
    }
    return new Registration(pairingId, FormInput.blank(name) ? null : name.strip(),
        FormInput.blank(kind) ? null : kind, FormInput.blank(hostCounty) ? null : hostCounty,
        FormInput.blank(status) ? null : status, FormInput.yuan(plannedInvestment), plan.isEmpty() ? null : plan,
        FormInput.localDate(plannedStart), FormInput.localDate(plannedCompletion));
  }

  private List<String> padded(List<String> values) {
    List<String> all = new ArrayList<>(values);
    while (all.size() < rows()) {
      all.add("");
    }
    return all;
  }
}
