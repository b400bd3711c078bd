package org.shanhai.projects.project;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.shanhai.events.value.Money;

/**
 * The programme figures of one project, from its history: when it started (开工: first reported
 * under construction or later) and was completed (完工: first reported completed or in production),
 * and how much investment was completed in each calendar year (the year's last cumulative figure
 * less the year before's; nothing yet in the current year until a report says otherwise). A project
 * registered already past a milestone dates it by its planned date, else by its registration.
 * Years are Zhejiang's: the clock is in the configured zone.
 */
public record ProgressFigures(Project project, Optional<Integer> startedIn, Optional<Integer> completedIn,
    Map<Integer, Money> investedByYear) {

  private static final Set<ProjectStatus> STARTED = EnumSet.of(ProjectStatus.UNDER_CONSTRUCTION,
      ProjectStatus.TOPPED_OUT, ProjectStatus.COMPLETED, ProjectStatus.IN_PRODUCTION);
  private static final Set<ProjectStatus> COMPLETED = EnumSet.of(ProjectStatus.COMPLETED, ProjectStatus.IN_PRODUCTION);

  /** The figures of {@code project} from its updates, oldest first, as of today. */
  public static ProgressFigures of(Project project, List<ProjectUpdate> updates, Clock clock) {
    int currentYear = LocalDate.now(clock).getYear();
    LocalDate registered = project.registeredAt().atZone(clock.getZone()).toLocalDate();
    Optional<Integer> started = milestone(project, updates, STARTED,
        project.plannedStart() != null ? project.plannedStart() : registered);
    Optional<Integer> completed = milestone(project, updates, COMPLETED,
        project.plannedCompletion() != null ? project.plannedCompletion() : registered);
    Map<Integer, Money> lastOfYear = new TreeMap<>();
    for (ProjectUpdate u : updates) {
      if (u.cumulativeInvestment() != null) {
        lastOfYear.put(u.reportDate().getYear(), u.cumulativeInvestment());
      }
    }
    Map<Integer, Money> invested = new TreeMap<>();
    Money before = Money.ZERO;
    for (Map.Entry<Integer, Money> year : lastOfYear.entrySet()) {
      invested.put(year.getKey(), year.getValue().minus(before).max(Money.ZERO));
      before = year.getValue();
    }
    if (registered.getYear() <= currentYear) {
      invested.putIfAbsent(currentYear, Money.ZERO);
    }
    return new ProgressFigures(project, started, completed, invested);
  }

  /**
   * The year of the first update in one of {@code statuses}; if the project was registered in one
   * of them, the year of {@code registeredPast}; empty when it has not got there.
   */
  private static Optional<Integer> milestone(Project project, List<ProjectUpdate> updates, Set<ProjectStatus> statuses,
      LocalDate registeredPast) {
    ProjectStatus atRegistration = updates.isEmpty() ? project.status() : updates.get(0).previousStatus();
    if (atRegistration != null && statuses.contains(atRegistration)) {
      return Optional.of(registeredPast.getYear());
    }
    return updates.stream().filter(u -> statuses.contains(u.status())).findFirst().map(u -> u.reportDate().getYear());
  }
}
