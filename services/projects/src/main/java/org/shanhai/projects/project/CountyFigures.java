package org.shanhai.projects.project;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.shanhai.events.value.CountyCode;
import org.shanhai.events.value.Money;

/**
 * One mountain county's programme figures for a year, added up over its projects (with every
 * partner): how many it has, how many started (开工) and were completed (完工) in the year, the
 * investment completed in the year, and the planned investment against what is completed so far
 * (both only of the projects that state a plan; {@code plannedUnknown} counts the others). The
 * dashboards' figures (ProjectMetrics) come from the same {@link ProgressFigures}.
 */
public record CountyFigures(CountyCode county, int projects, int started, int completed, Money invested,
    Money planned, Money completedAgainstPlan, int plannedUnknown) {

  /** Every county that has projects, by code. */
  public static List<CountyFigures> of(Collection<ProgressFigures> all, int year) {
    Map<CountyCode, CountyFigures> byCounty = new TreeMap<>((a, b) -> a.code().compareTo(b.code()));
    for (ProgressFigures f : all) {
      Project p = f.project();
      boolean planKnown = p.plannedInvestment() != null;
      Money done = p.cumulativeInvestment() == null ? Money.ZERO : p.cumulativeInvestment();
      CountyFigures one = new CountyFigures(p.mountainCounty(), 1,
          f.startedIn().filter(y -> y == year).isPresent() ? 1 : 0,
          f.completedIn().filter(y -> y == year).isPresent() ? 1 : 0,
          f.investedByYear().getOrDefault(year, Money.ZERO),
          planKnown ? p.plannedInvestment() : Money.ZERO, planKnown ? done : Money.ZERO, planKnown ? 0 : 1);
      byCounty.merge(p.mountainCounty(), one, CountyFigures::plus);
    }
    return List.copyOf(byCounty.values());
  }

  CountyFigures plus(CountyFigures other) {
    return new CountyFigures(county, projects + other.projects, started + other.started, completed + other.completed,
        invested.plus(other.invested), planned.plus(other.planned),
        completedAgainstPlan.plus(other.completedAgainstPlan), plannedUnknown + other.plannedUnknown);
  }
}
