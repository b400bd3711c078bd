package org.shanhai.console.province;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.shanhai.console.api.AlertsApi.Alert;
import org.shanhai.console.api.AlertsApi.Target;
import org.shanhai.console.api.PayoutsApi.Payout;
import org.shanhai.console.api.ProjectsApi.County;
import org.shanhai.console.api.ProjectsApi.CountyFigures;
import org.shanhai.console.api.ProjectsApi.YearFigures;

/**
 * The province's year at a glance: each of the 26 mountain counties (those without projects too)
 * with its projects started and completed in the year, investment completed in the year and against
 * the plan, dividends paid against those guaranteed for the year, and open alerts; and the whole
 * province against its yearly targets.
 *
 * @param projectTarget the projects the province means to start in the year (about 300)
 * @param investmentTarget the province's investment target for the year (the alerts service's; at least 40 billion yuan)
 */
public record ProvinceOverview(int year, List<Row> rows, Row total, int projectTarget, BigDecimal investmentTarget) {

  public record Row(County county, int projects, int started, int completed, BigDecimal invested, BigDecimal planned,
      BigDecimal completedAgainstPlan, BigDecimal guaranteed, BigDecimal paid, int openAlerts) {

    Row plus(Row other) {
      return new Row(null, projects + other.projects, started + other.started, completed + other.completed,
          invested.add(other.invested), planned.add(other.planned),
          completedAgainstPlan.add(other.completedAgainstPlan), guaranteed.add(other.guaranteed),
          paid.add(other.paid), openAlerts + other.openAlerts);
    }

    /** Whether the county's villages were paid less than guaranteed for the year. */
    public boolean paidShort() {
      return paid.compareTo(guaranteed) < 0;
    }
  }

  static ProvinceOverview of(int year, Collection<County> counties, YearFigures figures, List<Payout> payouts,
      List<Alert> openAlerts, List<Target> targets, int projectTarget) {
    Map<String, CountyFigures> byCounty = figures.counties().stream()
        .collect(Collectors.toMap(CountyFigures::county, Function.identity()));
    Map<String, List<Payout>> payoutsByCounty = payouts.stream().filter(p -> p.mountainCounty() != null)
        .collect(Collectors.groupingBy(Payout::mountainCounty));
    Map<String, Long> alertsByCounty = openAlerts.stream().filter(a -> a.county() != null)
        .collect(Collectors.groupingBy(Alert::county, Collectors.counting()));
    List<Row> rows = counties.stream().filter(c -> "MOUNTAIN".equals(c.side()))
        .sorted(Comparator.comparing(County::code))
        .map(county -> {
          CountyFigures f = byCounty.get(county.code());
          List<Payout> owed = payoutsByCounty.getOrDefault(county.code(), List.of());
          return new Row(county, f == null ? 0 : f.projects(), f == null ? 0 : f.started(),
              f == null ? 0 : f.completed(), f == null ? BigDecimal.ZERO : f.invested(),
              f == null ? BigDecimal.ZERO : f.planned(), f == null ? BigDecimal.ZERO : f.completedAgainstPlan(),
              sum(owed, Payout::guaranteedAmount), sum(owed, Payout::paidAmount),
              alertsByCounty.getOrDefault(county.code(), 0L).intValue());
        }).toList();
    Row total = rows.stream().reduce(new Row(null, 0, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
        BigDecimal.ZERO, BigDecimal.ZERO, 0), Row::plus);
    BigDecimal investmentTarget = targets.stream().filter(t -> "PROVINCE".equals(t.scope())).map(Target::investment)
        .findFirst().orElse(null);
    return new ProvinceOverview(year, rows, total, projectTarget, investmentTarget);
  }

  private static BigDecimal sum(List<Payout> payouts, Function<Payout, BigDecimal> amount) {
    return payouts.stream().map(amount).filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
