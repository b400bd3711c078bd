package org.shanhai.projects.metrics;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.shanhai.messaging.metrics.GaugeTable;
import org.shanhai.messaging.schedule.Turns;
import org.shanhai.projects.project.ProgressFigures;
import org.shanhai.projects.project.Project;
import org.shanhai.projects.project.ProjectService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The programme figures for dashboards, labelled only by mountain county, partner county, project
 * kind, status and year (bounded): projects by status, projects started (开工) and completed (完工)
 * per year, planned investment (of the projects that state it; those that do not are counted apart),
 * investment completed so far and per year. Refreshed on a schedule
 * ({@code shanhai.projects.metrics-interval}, 30 s), never computed on a scrape, and by one instance
 * of the service at a time ({@link Turns}): the others show no figures, so that summed over the
 * instances they count each project once.
 */
@Component
public class ProjectMetrics {

  private static final Logger log = LoggerFactory.getLogger(ProjectMetrics.class);

  /** The job's name in {@link Turns}. */
  static final String JOB = "projects-metrics";

  private final ProjectService projects;
  private final Turns turns;
  private final Duration interval;
  private final GaugeTable byStatus;
  private final GaugeTable started;
  private final GaugeTable completed;
  private final GaugeTable planned;
  private final GaugeTable plannedUnknown;
  private final GaugeTable completedInvestment;
  private final GaugeTable invested;

  public ProjectMetrics(ProjectService projects, MeterRegistry meters, Turns turns,
      @Value("${shanhai.projects.metrics-interval:PT30S}") Duration interval) {
    this.projects = projects;
    this.turns = turns;
    this.interval = interval;
    this.byStatus = GaugeTable.register(meters, "shanhai.projects", null, "Projects by status");
    this.started = GaugeTable.register(meters, "shanhai.projects.started", null, "Projects started (开工) in the year");
    this.completed = GaugeTable.register(meters, "shanhai.projects.completed", null,
        "Projects completed (完工) in the year");
    this.planned = GaugeTable.register(meters, "shanhai.projects.planned.investment", "yuan",
        "Planned investment of the projects that state it");
    this.plannedUnknown = GaugeTable.register(meters, "shanhai.projects.planned.investment.unknown", null,
        "Projects whose planned investment is not known yet");
    this.completedInvestment = GaugeTable.register(meters, "shanhai.projects.completed.investment", "yuan",
        "Investment completed so far by the projects that state their planned investment (the latest cumulative figure reported; 0 before any)");
    this.invested = GaugeTable.register(meters, "shanhai.projects.invested", "yuan", "Investment completed in the year");
  }

  @Scheduled(fixedDelayString = "${shanhai.projects.metrics-interval:PT30S}", initialDelayString = "PT2S")
  public void refresh() {
    if (!turns.takeForRounds(JOB, interval)) {
      record(List.of());
      return;
    }
    try {
      List<ProgressFigures> all = projects.figures().collectList().block(Duration.ofMinutes(1));
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
    Map<Tags, BigDecimal> unknownPlans = new HashMap<>();
    Map<Tags, BigDecimal> completedSums = new HashMap<>();
    Map<Tags, BigDecimal> investedSums = new HashMap<>();
    for (ProgressFigures f : all) {
      Project p = f.project();
      Tags where = Tags.of("county", p.mountainCounty().code(), "partner", p.partnerCounty().code());
      Tags ofKind = where.and("kind", p.kind().name());
      add(statusCounts, ofKind.and("status", p.status().name()), BigDecimal.ONE);
      if (p.plannedInvestment() != null) {
        add(plannedSums, ofKind, p.plannedInvestment().yuan());
        // Only beside a known plan: progress against plan would otherwise count work with nothing to measure it by.
        add(completedSums, ofKind, p.cumulativeInvestment() == null ? BigDecimal.ZERO : p.cumulativeInvestment().yuan());
      } else {
        add(unknownPlans, ofKind, BigDecimal.ONE);
      }
      f.startedIn().ifPresent(y -> add(startedCounts, where.and("year", y.toString()), BigDecimal.ONE));
      f.completedIn().ifPresent(y -> add(completedCounts, where.and("year", y.toString()), BigDecimal.ONE));
      f.investedByYear().forEach((y, amount) -> add(investedSums, where.and("year", y.toString()), amount.yuan()));
    }
    byStatus.replace(statusCounts);
    started.replace(startedCounts);
    completed.replace(completedCounts);
    planned.replace(plannedSums);
    plannedUnknown.replace(unknownPlans);
    completedInvestment.replace(completedSums);
    invested.replace(investedSums);
  }

  private static void add(Map<Tags, BigDecimal> sums, Tags tags, BigDecimal value) {
    sums.merge(tags, value, BigDecimal::add);
  }
}
