package org.shanhai.console.project;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.shanhai.console.api.ProjectsApi.Project;
import org.shanhai.console.api.ProjectsApi.Report;

/**
 * The progress form as the officer filled it in, kept as typed so that it can be shown again with
 * its errors. Amounts are entered in 万元, the unit of the counties' own progress sheets, and sent
 * to the API in yuan. {@code key} is made when the form is first shown and sent as the
 * Idempotency-Key, so a double click or a resent form records one update; {@code version} is the
 * project's version the officer saw, sent as If-Match.
 *
 * @param confirmed whether the officer has seen the warnings and asked to save anyway
 */
public record ReportForm(String reportDate, String status, String cumulativeInvestment, String fundsInPlace,
    String jobsCreated, String note, String key, Long version, Boolean confirmed) {

  public ReportForm {
    confirmed = Boolean.TRUE.equals(confirmed);
  }

  private static final BigDecimal WAN = BigDecimal.valueOf(10_000);

  /** A new form for {@code project}, with its current status and figures filled in. */
  static ReportForm blank(Project project, LocalDate today) {
    return new ReportForm(today.toString(), project.status(), wan(project.cumulativeInvestment()),
        wan(project.fundsInPlace()), project.jobsCreated() == null ? "" : project.jobsCreated().toString(), "",
        UUID.randomUUID().toString(), project.version(), false);
  }

  /** The same form, to be saved against {@code version} (after someone else reported meanwhile). */
  ReportForm against(long newVersion) {
    return new ReportForm(reportDate, status, cumulativeInvestment, fundsInPlace, jobsCreated, note, key, newVersion,
        false);
  }

  /**
   * What the console itself can tell is wrong before asking the API: a field that is not a date or a
   * number, by the field's API name, as message keys.
   */
  Map<String, String> unreadable() {
    Map<String, String> errors = new LinkedHashMap<>();
    if (!blank(reportDate)) {
      try {
        LocalDate.parse(reportDate.strip());
      } catch (DateTimeParseException e) {
        errors.put("reportDate", "form.error.date");
      }
    }
    for (Map.Entry<String, String> amount : Map.of("cumulativeInvestment", nullToEmpty(cumulativeInvestment),
        "fundsInPlace", nullToEmpty(fundsInPlace)).entrySet()) {
      if (!blank(amount.getValue()) && decimal(amount.getValue()) == null) {
        errors.put(amount.getKey(), "form.error.number");
      }
    }
    if (!blank(jobsCreated) && !jobsCreated.strip().matches("-?\\d{1,9}")) {
      errors.put("jobsCreated", "form.error.whole-number");
    }
    return errors;
  }

  /** The report for the API, with amounts in yuan; call only when {@link #unreadable()} is empty. */
  Report toReport() {
    return new Report(blank(reportDate) ? null : LocalDate.parse(reportDate.strip()), blank(status) ? null : status,
        yuan(cumulativeInvestment), yuan(fundsInPlace), null,
        blank(jobsCreated) ? null : Integer.valueOf(jobsCreated.strip()), blank(note) ? null : note.strip());
  }

  private static BigDecimal yuan(String wan) {
    return blank(wan) ? null : decimal(wan).multiply(WAN).setScale(2, java.math.RoundingMode.HALF_UP);
  }

  private static BigDecimal decimal(String text) {
    try {
      return new BigDecimal(text.strip().replace(",", "").replace("，", ""));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String wan(BigDecimal yuan) {
    return yuan == null ? "" : yuan.divide(WAN).stripTrailingZeros().toPlainString();
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }

  private static String nullToEmpty(String text) {
    return text == null ? "" : text;
  }
}
