package org.shanhai.console.project;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.shanhai.console.api.ProjectsApi.Project;
import org.shanhai.console.api.ProjectsApi.Report;
import org.shanhai.console.web.FormInput;

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

  private static final Set<String> INPUTS = Set.of("reportDate", "status", "cumulativeInvestment", "fundsInPlace",
      "jobsCreated", "note");

  public ReportForm {
    confirmed = Boolean.TRUE.equals(confirmed);
  }

  /** Whether the form has an input for the API's {@code field}, where its error is shown. */
  static boolean shows(String field) {
    return INPUTS.contains(field);
  }

  /** A new form for {@code project}, with its current status and figures filled in. */
  static ReportForm blank(Project project, LocalDate today) {
    return new ReportForm(today.toString(), project.status(), FormInput.wan(project.cumulativeInvestment()),
        FormInput.wan(project.fundsInPlace()), project.jobsCreated() == null ? "" : project.jobsCreated().toString(), "",
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
    FormInput.date("reportDate", reportDate, errors);
    FormInput.number("cumulativeInvestment", cumulativeInvestment, errors);
    FormInput.number("fundsInPlace", fundsInPlace, errors);
    if (!FormInput.blank(jobsCreated) && !jobsCreated.strip().matches("-?\\d{1,9}")) {
      errors.put("jobsCreated", "form.error.whole-number");
    }
    return errors;
  }

  /** The report for the API, with amounts in yuan; call only when {@link #unreadable()} is empty. */
  Report toReport() {
    return new Report(FormInput.localDate(reportDate), FormInput.blank(status) ? null : status,
        FormInput.yuan(cumulativeInvestment), FormInput.yuan(fundsInPlace), null,
        FormInput.blank(jobsCreated) ? null : Integer.valueOf(jobsCreated.strip()),
        FormInput.blank(note) ? null : note.strip());
  }
}
