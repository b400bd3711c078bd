package org.shanhai.projects.project;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
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

  /**
   * What the figures need of a project's history, folded update by update, oldest first: the
   * status it was registered in, the years of its first update in a started and in a completed
   * status, and each year's last cumulative investment. A long history is folded once and then
   * brought up to date from the updates after {@link #through} alone.
   *
   * @param through the project's sequence up to which its updates are folded (0: none yet)
   * @param registeredIn the status before the first update folded; null before any
   */
  public record Fold(long through, ProjectStatus registeredIn, Integer firstStartedYear, Integer firstCompletedYear,
      Map<Integer, Money> lastCumulativeOfYear) {

    public static final Fold NONE = new Fold(0, null, null, null, Map.of());

    /** With {@code update} folded in; unchanged when it is at or before {@link #through} (folded already). */
    public Fold plus(ProjectUpdate update) {
      if (update.sequence() <= through) {
        return this;
      }
      int year = update.reportDate().getYear();
      Map<Integer, Money> lastOfYear = lastCumulativeOfYear;
      if (update.cumulativeInvestment() != null) {
        lastOfYear = new TreeMap<>(lastCumulativeOfYear);
        lastOfYear.put(year, update.cumulativeInvestment());
      }
      return new Fold(update.sequence(), registeredIn == null ? update.previousStatus() : registeredIn,
          firstStartedYear == null && STARTED.contains(update.status()) ? Integer.valueOf(year) : firstStartedYear,
          firstCompletedYear == null && COMPLETED.contains(update.status()) ? Integer.valueOf(year) : firstCompletedYear,
          lastOfYear);
    }

    /** The same, known to hold every update up to the project's {@code sequence}. */
    public Fold upTo(long sequence) {
      return sequence <= through ? this
          : new Fold(sequence, registeredIn, firstStartedYear, firstCompletedYear, lastCumulativeOfYear);
    }

    /** The figures of {@code project}, whose updates up to {@link #through} this holds, as of today. */
    public ProgressFigures figures(Project project, Clock clock) {
      int currentYear = LocalDate.now(clock).getYear();
      LocalDate registered = project.registeredAt().atZone(clock.getZone()).toLocalDate();
      ProjectStatus atRegistration = registeredIn != null ? registeredIn : project.status();
      Optional<Integer> started = milestone(atRegistration, STARTED, firstStartedYear,
          project.plannedStart() != null ? project.plannedStart() : registered);
      Optional<Integer> completed = milestone(atRegistration, COMPLETED, firstCompletedYear,
          project.plannedCompletion() != null ? project.plannedCompletion() : registered);
      Map<Integer, Money> invested = new TreeMap<>();
      Money before = Money.ZERO;
      for (Map.Entry<Integer, Money> year : new TreeMap<>(lastCumulativeOfYear).entrySet()) {
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
    private static Optional<Integer> milestone(ProjectStatus atRegistration, Set<ProjectStatus> statuses,
        Integer firstYear, LocalDate registeredPast) {
      if (atRegistration != null && statuses.contains(atRegistration)) {
        return Optional.of(registeredPast.getYear());
      }
      return Optional.ofNullable(firstYear);
    }
  }
}
