package org.shanhai.projects.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.shanhai.events.value.Money;

class ProgressFiguresTest {

  /** After the reports below, so none of them is in the future. */
  private static final Clock LATER = Clock.fixed(Instant.parse("2023-01-15T02:00:00Z"), ZoneId.of("Asia/Shanghai"));

  @Test
  void aProjectStartsAndCompletesInTheYearsOfItsReportsAndInvestsEachYearsIncrement() {
    Reported history = reported(
        Projects.report("2021-03-31", "SIGNED", null, null),
        Projects.report("2021-06-30", "UNDER_CONSTRUCTION", "30000000.00", null),
        Projects.report("2021-12-31", "TOPPED_OUT", "55000000.00", null),
        Projects.report("2022-12-31", "COMPLETED", "90000000.00", null));

    ProgressFigures figures = figures(history.project(), history.updates(), Clock.fixed(Instant.parse("2022-12-31T10:00:00Z"),
        ZoneId.of("Asia/Shanghai")));

    assertThat(figures.startedIn()).contains(2021);
    assertThat(figures.completedIn()).contains(2022);
    assertThat(figures.investedByYear()).isEqualTo(Map.of(2021, Money.of("55000000.00"),
        2022, Money.of("35000000.00")));
  }

  @Test
  void aHistoryFoldedInPartsGivesTheFiguresOfTheWholeAndAnUpdateSeenTwiceCountsOnce() {
    Reported history = reported(
        Projects.report("2021-06-30", "UNDER_CONSTRUCTION", "30000000.00", null),
        Projects.report("2021-12-31", "TOPPED_OUT", "55000000.00", null),
        Projects.report("2022-06-30", "TOPPED_OUT", "70000000.00", null),
        Projects.report("2022-12-31", "COMPLETED", "90000000.00", null));
    Project project = history.project();
    List<ProjectUpdate> updates = history.updates();

    ProgressFigures.Fold first = ProgressFigures.Fold.NONE.plus(updates.get(0)).plus(updates.get(1))
        .upTo(updates.get(1).sequence());
    // The next refresh: the archive and the document both hold the second update for a moment.
    ProgressFigures.Fold later = first;
    for (ProjectUpdate update : updates.subList(1, 4)) {
      later = later.plus(update);
    }

    assertThat(later.figures(project, LATER)).isEqualTo(figures(project, updates, LATER));
    assertThat(later.figures(project, LATER).investedByYear()).isEqualTo(Map.of(2021, Money.of("55000000.00"),
        2022, Money.of("35000000.00"), 2023, Money.ZERO));
    assertThat(first.plus(updates.get(0))).as("an update at or before what was folded changes nothing")
        .isSameAs(first);
  }

  @Test
  void aProjectNotYetStartedHasNoMilestones() {
    ProgressFigures figures = figures(Projects.anIndustrialEnclave(), List.of(), Projects.CLOCK);

    assertThat(figures.startedIn()).isEqualTo(Optional.empty());
    assertThat(figures.completedIn()).isEqualTo(Optional.empty());
    assertThat(figures.investedByYear()).as("nothing reported this year yet")
        .isEqualTo(Map.of(2021, Money.ZERO));
  }

  private static ProgressFigures figures(Project project, List<ProjectUpdate> updates, Clock clock) {
    ProgressFigures.Fold fold = ProgressFigures.Fold.NONE;
    for (ProjectUpdate update : updates) {
      fold = fold.plus(update);
    }
    return fold.figures(project, clock);
  }

  /** A project as its reports, accepted one after the other, leave it, with its updates oldest first. */
  private record Reported(Project project, List<ProjectUpdate> updates) {
  }

  private static Reported reported(ProgressReport... reports) {
    Project project = Projects.anIndustrialEnclave();
    List<ProjectUpdate> updates = new ArrayList<>();
    for (ProgressReport report : reports) {
      Project.Reported reported = project.report("update-" + project.sequence(), report, ProjectPolicy.DEFAULT,
          "officer", LATER);
      project = reported.project();
      updates.add(reported.update());
    }
    return new Reported(project, updates);
  }
}
