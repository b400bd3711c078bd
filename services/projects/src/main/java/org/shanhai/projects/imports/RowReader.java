package org.shanhai.projects.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.shanhai.projects.county.Counties;
import org.shanhai.projects.project.ProgressReport;
import org.shanhai.projects.project.ProjectKind;
import org.shanhai.projects.project.ProjectRegistration;
import org.shanhai.projects.project.ProjectStatus;
import org.shanhai.web.validation.Violation;
import org.shanhai.web.validation.Violations;

/**
 * Reads the cells of a row as the request the API would have been sent: what each column holds in
 * the API's terms, and what could not be read (a cell that is not a date, a number, a choice), named
 * by field like the API's own violations. The rules of the request itself are the API's, applied later.
 */
final class RowReader {

  /** A row of a project list: the registration, and how it names its pairing (by id, or by its two counties). */
  record Registration(ProjectRegistration request, String pairingId, String mountainCounty, String partnerCounty,
      List<Violation> unreadable) {
  }

  /** A row of a progress file: how it names its project (by id, or by code and perhaps pairing) and the report. */
  record Update(String projectId, String externalCode, String pairingId, ProgressReport report,
      List<Violation> unreadable) {
  }

  private final Header header;
  private final Counties counties;

  RowReader(Header header, Counties counties) {
    this.header = header;
    this.counties = counties;
  }

  Registration registration(ImportRow row) {
    Violations v = new Violations();
    String pairingId = text(row, "pairingId");
    String mountain = county(row, "mountainCounty", v);
    String partner = county(row, "partnerCounty", v);
    if (pairingId == null && (mountain == null || partner == null) && v.isEmpty()) {
      v.add(header.indexOf("pairingId") >= 0 ? "pairingId" : mountain == null ? "mountainCounty" : "partnerCounty",
          "required", "say which pairing the project is under: 结对编号, or both 山区县 and 结对县");
    }
    String kind = choice(row, "kind", v);
    String status = choice(row, "status", v);
    ProjectRegistration request = new ProjectRegistration(pairingId, text(row, "name"),
        kind == null ? null : ProjectKind.valueOf(kind), county(row, "hostCounty", v), amount(row, "plannedInvestment", v),
        null, date(row, "plannedStart", v), date(row, "plannedCompletion", v), text(row, "enclaveId"),
        status == null ? null : ProjectStatus.valueOf(status), text(row, "externalCode"));
    return new Registration(request, pairingId, mountain, partner, v.list());
  }

  Update update(ImportRow row) {
    Violations v = new Violations();
    String projectId = text(row, "projectId");
    String externalCode = text(row, "externalCode");
    if (projectId == null && externalCode == null) {
      v.add(header.indexOf("projectId") >= 0 ? "projectId" : "externalCode", "required",
          "say which project this row reports on: 项目ID or 项目编号");
    }
    String status = choice(row, "status", v);
    Integer jobs = integer(row, "jobsCreated", v);
    ProgressReport report = new ProgressReport(date(row, "reportDate", v),
        status == null ? null : ProjectStatus.valueOf(status), amount(row, "cumulativeInvestment", v),
        amount(row, "fundsInPlace", v), jobs, text(row, "note"), amount(row, "plannedInvestment", v));
    return new Update(projectId, externalCode, text(row, "pairingId"), report, v.list());
  }

  /** The cell of {@code field}'s column, or null when the file has no such column or the cell is blank. */
  private String text(ImportRow row, String field) {
    String value = row.value(header.indexOf(field));
    return value.isEmpty() ? null : value;
  }

  private LocalDate date(ImportRow row, String field, Violations v) {
    String text = text(row, field);
    return text == null ? null : Cells.date(column(field), text, v);
  }

  private BigDecimal amount(ImportRow row, String field, Violations v) {
    String text = text(row, field);
    return text == null ? null : Cells.amount(column(field), text, header.scales().get(header.indexOf(field)), v);
  }

  private Integer integer(ImportRow row, String field, Violations v) {
    String text = text(row, field);
    return text == null ? null : Cells.integer(column(field), text, v);
  }

  private String choice(ImportRow row, String field, Violations v) {
    String text = text(row, field);
    return text == null ? null : Cells.choice(column(field), text, v);
  }

  private String county(ImportRow row, String field, Violations v) {
    String text = text(row, field);
    return text == null ? null : Cells.county(column(field), text, counties, v);
  }

  private Column column(String field) {
    return header.columns().get(header.indexOf(field));
  }
}
