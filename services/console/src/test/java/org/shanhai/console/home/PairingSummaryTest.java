package org.shanhai.console.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.shanhai.console.api.ProjectsApi.Pairing;
import org.shanhai.console.api.ProjectsApi.Project;

class PairingSummaryTest {

  private static final LocalDate TODAY = LocalDate.of(2021, 7, 15);

  @Test
  void addsUpEachPairingsProjectsLeavingUnknownPlansOut() {
    Pairing pairing = new Pairing("p1", "330822", "330282", 2011, null, true);
    List<PairingSummary> summaries = PairingSummary.of(List.of(pairing), List.of(
        project("a", "p1", "UNDER_CONSTRUCTION", "100", "40", LocalDate.of(2021, 6, 30)),
        project("b", "p1", "PLANNED", null, null, null),
        project("c", "other", "PLANNED", "999", "999", null)));

    assertThat(summaries).singleElement().satisfies(s -> {
      assertThat(s.projects()).extracting(Project::id).containsExactly("a", "b");
      assertThat(s.planned()).isEqualByComparingTo("100");
      assertThat(s.completed()).isEqualByComparingTo("40");
      assertThat(s.lastReport()).isEqualTo(LocalDate.of(2021, 6, 30));
    });
  }

  @Test
  void aProjectUnderWayIsOverdueWhenSilentForAReportingPeriod() {
    List<Project> overdue = PairingSummary.overdue(List.of(
        project("reported-lately", "p1", "UNDER_CONSTRUCTION", null, null, LocalDate.of(2021, 6, 30)),
        project("silent", "p1", "UNDER_CONSTRUCTION", null, null, LocalDate.of(2021, 5, 31)),
        project("never", "p1", "SIGNED", null, null, null),
        project("finished", "p1", "COMPLETED", null, null, LocalDate.of(2020, 1, 1))), TODAY, Period.ofMonths(1));

    assertThat(overdue).extracting(Project::id).containsExactly("never", "silent");
  }

  private static Project project(String id, String pairing, String status, String planned, String invested,
      LocalDate lastReport) {
    return new Project(id, pairing, "项目 " + id, "INDUSTRIAL_PROJECT", status, "330822", "330282", "330822",
        planned == null ? null : new BigDecimal(planned), invested == null ? null : new BigDecimal(invested), null,
        null, null, null, lastReport, List.of(), 1, Instant.parse("2021-01-01T00:00:00Z"), "officer");
  }
}
