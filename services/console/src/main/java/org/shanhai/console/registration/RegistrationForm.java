package org.shanhai.console.registration;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.shanhai.console.api.ProjectsApi.PlanPoint;
import org.shanhai.console.api.ProjectsApi.Registration;

/**
 * A project's registration as the officer fills it in, amounts in 万元; the investment plan is rows
 * of a date and the cumulative investment planned by then ({@code planDate[i]}, {@code planCumulative[i]}),
 * which the officer adds and removes. {@code key} is the Idempotency-Key of the registration.
 */
public record RegistrationForm(String name, String kind, String hostCounty, String status, String plannedInvestment,
    String plannedStart, String plannedCompletion, List<String> planDate, List<String> planCumulative, String key) {

  private static final BigDecimal WAN = BigDecimal.valueOf(10_000);

  public RegistrationForm {
    planDate = planDate == null ? List.of() : List.copyOf(planDate);
    planCumulative = planCumulative == null ? List.of() : List.copyOf(planCumulative);
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
    date("plannedStart", plannedStart, errors);
    date("plannedCompletion", plannedCompletion, errors);
    number("plannedInvestment", plannedInvestment, errors);
    for (int row = 0; row < rows(); row++) {
      date("investmentPlan[" + row + "].date", planDateAt(row), errors);
      number("investmentPlan[" + row + "].cumulative", planCumulativeAt(row), errors);
    }
    return errors;
  }

  /** The registration for the API under {@code pairingId}, amounts in yuan; fully blank plan rows are left out. */
  Registration toRegistration(String pairingId) {
    List<PlanPoint> plan = new ArrayList<>();
    for (int row = 0; row < rows(); row++) {
      if (!blank(planDateAt(row)) || !blank(planCumulativeAt(row))) {
        plan.add(new PlanPoint(blank(planDateAt(row)) ? null : LocalDate.parse(planDateAt(row).strip()),
            yuan(planCumulativeAt(row))));
      }
    }
    return new Registration(pairingId, blank(name) ? null : name.strip(), blank(kind) ? null : kind,
        blank(hostCounty) ? null : hostCounty, blank(status) ? null : status, yuan(plannedInvestment),
        plan.isEmpty() ? null : plan, blank(plannedStart) ? null : LocalDate.parse(plannedStart.strip()),
        blank(plannedCompletion) ? null : LocalDate.parse(plannedCompletion.strip()));
  }

  private List<String> padded(List<String> values) {
    List<String> all = new ArrayList<>(values);
    while (all.size() < rows()) {
      all.add("");
    }
    return all;
  }

  private static void date(String field, String text, Map<String, String> errors) {
    if (!blank(text)) {
      try {
        LocalDate.parse(text.strip());
      } catch (DateTimeParseException e) {
        errors.put(field, "form.error.date");
      }
    }
  }

  private static void number(String field, String text, Map<String, String> errors) {
    if (!blank(text) && decimal(text) == null) {
      errors.put(field, "form.error.number");
    }
  }

  private static BigDecimal yuan(String wan) {
    return blank(wan) ? null : decimal(wan).multiply(WAN).setScale(2, RoundingMode.HALF_UP);
  }

  private static BigDecimal decimal(String text) {
    try {
      return new BigDecimal(text.strip().replace(",", "").replace("，", ""));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}
