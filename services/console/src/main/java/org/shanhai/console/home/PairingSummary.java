package org.shanhai.console.home;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.shanhai.console.api.ProjectsApi.Pairing;
import org.shanhai.console.api.ProjectsApi.Project;

/**
 * A pairing as the home page lists it: its projects, their planned and completed investment added up
 * (projects whose plan is unknown add nothing to the plan), and the date of its latest report.
 */
record PairingSummary(Pairing pairing, List<Project> projects, BigDecimal planned, BigDecimal completed,
    LocalDate lastReport) {

  static List<PairingSummary> of(List<Pairing> pairings, List<Project> projects) {
    Map<String, List<Project>> byPairing = projects.stream().collect(Collectors.groupingBy(Project::pairingId));
    return pairings.stream()
        .sorted(Comparator.comparing(Pairing::active).reversed().thenComparing(Pairing::mountainCounty))
        .map(pairing -> {
          List<Project> own = byPairing.getOrDefault(pairing.id(), List.of()).stream()
              .sorted(Comparator.comparing(Project::name)).toList();
          return new PairingSummary(pairing, own, sum(own, Project::plannedInvestment),
              sum(own, Project::cumulativeInvestment), own.stream().map(Project::lastReportDate)
                  .filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null));
        }).toList();
  }

  /**
   * The projects still under way whose last report is older than one reporting period, or that were
   * never reported on since they were registered one period ago; the longest silent first.
   */
  static List<Project> overdue(List<Project> projects, LocalDate today, Period period) {
    LocalDate due = today.minus(period);
    return projects.stream().filter(Project::active)
        .filter(p -> p.lastReportDate() != null ? p.lastReportDate().isBefore(due)
            : p.registeredAt() != null && p.registeredAt().atZone(ZoneOffset.UTC).toLocalDate().isBefore(due))
        .sorted(Comparator.comparing(Project::lastReportDate, Comparator.nullsFirst(Comparator.naturalOrder())))
        .toList();
  }

  private static BigDecimal sum(List<Project> projects, Function<Project, BigDecimal> figure) {
    return projects.stream().map(figure).filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
