package org.shanhai.projects.metrics;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.shanhai.projects.project.ProgressFigures;
import org.shanhai.projects.project.Project;
import org.shanhai.projects.project.ProjectStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The programme figures for dashboards, labelled only by mountain county, partner county, project
 * kind, status and year (bounded): projects by status, projects started (开工) and completed (完工)
 * per year, planned investment, investment completed so far and per year. Refreshed on a schedule
 * ({@code shanhai.projects.metrics-interval}, 30 s), never computed on a scrape.
 */
@Component
public class ProjectMetrics {

  private static final Logger log = LoggerFactory.getLogger(ProjectMetrics.class);

  private final ProjectStore projects;
  private final Clock clock;
  private final MultiGauge byStatus;
  private final MultiGauge started;
  private final MultiGauge completed;
  private final MultiGauge planned;
  private final MultiGauge completedInvestment;
  private final MultiGauge invested;

  public ProjectMetrics(ProjectStore projects, Clock clock, MeterRegistry meters) {
    this.projects = projects;
    this.clock = clock.withZone(ZoneId.of("Asia/Shanghai"));
    this.byStatus = gauge("shanhai.projects", null, "Projects by status", meters);
    this.started = gauge("shanhai.projects.started", null, "Projects started (开工) in the year", meters);
    this.completed = gauge("shanhai.projects.completed", null, "Projects completed (完工) in the year", meters);
    this.planned = gauge("shanhai.projects.planned.investment", "yuan", "Planned investment of the projects", meters);
    this.completedInvestment = gauge("shanhai.projects.completed.investment", "yuan",
        "Investment completed so far (the latest cumulative figure reported; 0 before any)", meters);
    this.invested = gauge("shanhai.projects.invested", "yuan", "Investment completed in the year", meters);
  }

  @Scheduled(fixedDelayString = "${shanhai.projects.metrics-interval:PT30S}", initialDelayString = "PT2S")
  public void refresh() {
    try {
      List<ProgressFigures> all = projects.figures(LocalDate.now(clock).getYear()).collectList()
          .block(Duration.ofMinutes(1));
      record(all == null ? List.of() : all);
    } catch (RuntimeException e) {
      log.warn("project metrics not refreshed; the next run retries: {}", e.toString());
    }
  }

  private void record(List<ProgressFigures> all) {
    Map<Tags, BigDecimal> statusCounts = new HashMap<>();
    Map<Tags, BigDecimal> startedCounts = new HashMap<>();
    Map<Tags, BigDecimal> completedCounts = new HashMap<>();
    Map<Tags, BigDecimal> plannedSums = new HashMap<>();
    Map<Tags, BigDecimal> completedSums = new HashMap<>();
    Map<Tags, BigDecimal> investedSums = new HashMap<>();
    for (ProgressFigures f : all) {
      Project p = f.project();
      Tags where = Tags.of("county", p.mountainCounty(), "partner", p.partnerCounty());
      statusCounts.merge(where.and("kind", p.kind().name(), "status", p.status().name()), BigDecimal.ONE,
          BigDecimal::add);
      plannedSums.merge(where.and("kind", p.kind().name()), p.plannedInvestment(), BigDecimal::add);
      completedSums.merge(where.and("kind", p.kind().name()),
          p.cumulativeInvestment() == null ? BigDecimal.ZERO : p.cumulativeInvestment(), BigDecimal::add);
      f.startedIn().ifPresent(y -> startedCounts.merge(where.and("year", y.toString()), BigDecimal.ONE,
          BigDecimal::add));
      f.completedIn().ifPresent(y -> completedCounts.merge(where.and("year", y.toString()), BigDecimal.ONE,
          BigDecimal::add));
      f.investedByYear().forEach((y, amount) -> investedSums.merge(where.and("year", y.toString()), amount,
          BigDecimal::add));
    }
    byStatus.register(rows(statusCounts), true);
    started.register(rows(startedCounts), true);
    completed.register(rows(completedCounts), true);
    planned.register(rows(plannedSums), true);
    completedInvestment.register(rows(completedSums), true);
    invested.register(rows(investedSums), true);
  }

  private static List<MultiGauge.Row<?>> rows(Map<Tags, BigDecimal> values) {
    List<MultiGauge.Row<?>> rows = new ArrayList<>();
    values.forEach((tags, value) -> rows.add(MultiGauge.Row.of(tags, value.doubleValue())));
    return rows;
  }

  private static MultiGauge gauge(String name, String unit, String description, MeterRegistry meters) {
    MultiGauge.Builder builder = MultiGauge.builder(name).description(description);
    return (unit == null ? builder : builder.baseUnit(unit)).register(meters);
  }
}
