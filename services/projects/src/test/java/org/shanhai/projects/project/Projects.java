package org.shanhai.projects.project;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.shanhai.events.projects.InvestmentPlanPoint;

/** Projects for domain tests, on a fixed clock (2021-07-01 in Zhejiang). */
final class Projects {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2021-07-01T02:00:00Z"), ZoneOffset.UTC);

  private Projects() {
  }

  /** 常山—慈溪's industrial enclave: 93 million yuan planned, registered PLANNED, nothing reported. */
  static Project anIndustrialEnclave() {
    ProjectDraft draft = new ProjectDraft("pairing-1", "330822", "330282", "常山—慈溪产业飞地",
        ProjectKind.INDUSTRIAL_ENCLAVE, "330282", new BigDecimal("93000000.00"),
        List.of(new InvestmentPlanPoint(LocalDate.parse("2021-12-31"), new BigDecimal("50000000.00"))),
        LocalDate.parse("2020-06-01"), LocalDate.parse("2022-12-31"), null, ProjectStatus.PLANNED);
    return Project.registered("project-1", draft, "officer", CLOCK);
  }

  static ProgressReport report(String date, String status, String investment, String funds) {
    return new ProgressReport(LocalDate.parse(date), status, investment == null ? null : new BigDecimal(investment),
        funds == null ? null : new BigDecimal(funds), null, null);
  }

  static Project.Reported apply(Project project, ProgressReport report) {
    return project.report("update-" + project.sequence(), report, "hash", ProjectPolicy.DEFAULT, "officer", CLOCK);
  }
}
