package org.shanhai.projects.project;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.shanhai.events.projects.InvestmentPlanPoint;
import org.shanhai.events.value.CountyCode;
import org.shanhai.events.value.Money;
import org.shanhai.events.value.ProjectId;

/** Projects for domain tests, on a fixed clock (2021-07-01 in Zhejiang). */
final class Projects {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2021-07-01T02:00:00Z"), ZoneId.of("Asia/Shanghai"));

  private Projects() {
  }

  /** 常山—慈溪's industrial enclave: 93 million yuan planned, registered PLANNED, nothing reported. */
  static Project anIndustrialEnclave() {
    return registered(Money.of("93000000.00"));
  }

  /** The same enclave registered before its investment was known. */
  static Project anEnclaveWithoutAPlan() {
    return registered(null);
  }

  private static Project registered(Money planned) {
    ProjectDraft draft = new ProjectDraft("pairing-1", CountyCode.of("330822"), CountyCode.of("330282"),
        "常山—慈溪产业飞地", ProjectKind.INDUSTRIAL_ENCLAVE, CountyCode.of("330282"), planned,
        List.of(new InvestmentPlanPoint(LocalDate.parse("2021-12-31"), Money.of("50000000.00"))),
        LocalDate.parse("2020-06-01"), LocalDate.parse("2022-12-31"), null, ProjectStatus.PLANNED, null);
    return Project.registered(ProjectId.of("project-1"), draft, "officer", CLOCK);
  }

  static ProgressReport report(String date, String status, String investment, String funds) {
    return new ProgressReport(LocalDate.parse(date), status == null ? null : ProjectStatus.valueOf(status),
        investment == null ? null : new BigDecimal(investment), funds == null ? null : new BigDecimal(funds), null,
        null, null);
  }

  static ProgressReport planGiven(String date, String planned) {
    return new ProgressReport(LocalDate.parse(date), null, null, null, null, null, new BigDecimal(planned));
  }

  static Project.Reported apply(Project project, ProgressReport report) {
    return project.report("update-" + project.sequence(), report, ProjectPolicy.DEFAULT, "officer", CLOCK);
  }
}
