package org.shanhai.alerts.projection;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.shanhai.events.projects.InvestmentPlanPoint;
import org.shanhai.events.projects.ProgressReported;
import org.shanhai.events.projects.ProjectEvent;
import org.shanhai.events.projects.ProjectRegistered;
import org.shanhai.events.projects.ProjectStatusChanged;
import org.shanhai.events.value.CountyCode;
import org.shanhai.events.value.Money;
import org.shanhai.events.value.ProjectId;

/**
 * What the alerts service knows of a project, kept from the projects service's events: where it
 * belongs (for labels), its status, its investment plan and the cumulative investment reported, the
 * date it was last heard of, the warnings of its latest update, and the cumulative investment at
 * the last report of each year (for the annual targets). {@code plannedInvestment} is null while unknown.
 */
public record ProjectView(
    ProjectId projectId,
    String name,
    String pairingId,
    CountyCode mountainCounty,
    CountyCode partnerCounty,
    String kind,
    String status,
    Money plannedInvestment,
    List<InvestmentPlanPoint> investmentPlan,
    Money cumulativeInvestment,
    LocalDate registeredOn,
    LocalDate lastReportDate,
    LocalDate statusSince,
    List<String> latestWarnings,
    Map<Integer, Money> cumulativeByYear) implements SubjectView {

  /** The name people know it by; its id while only its updates have been seen. */
  public String title() {
    return name != null ? name : projectId.value();
  }

  /** Still being built or prepared: expected to report progress. */
  public boolean isUnderWay() {
    return "PLANNED".equals(status) || "SIGNED".equals(status) || "UNDER_CONSTRUCTION".equals(status)
        || "TOPPED_OUT".equals(status);
  }

  public boolean isSuspendedOrCancelled() {
    return "SUSPENDED".equals(status) || "CANCELLED".equals(status);
  }

  /** The last day anything was heard of the project: registration, a report, or a status change. */
  public LocalDate lastHeardOf() {
    LocalDate last = registeredOn;
    for (LocalDate d : new LocalDate[] {lastReportDate, statusSince}) {
      if (d != null && (last == null || d.isAfter(last))) {
        last = d;
      }
    }
    return last;
  }

  /** Investment completed in {@code year}: the year's last cumulative figure less the one before it. */
  public Money investedIn(int year) {
    Money atEnd = cumulativeByYear.get(year);
    if (atEnd == null) {
      return Money.ZERO;
    }
    Money before = cumulativeByYear.entrySet().stream().filter(e -> e.getKey() < year)
        .max(Map.Entry.comparingByKey()).map(Map.Entry::getValue).orElse(Money.ZERO);
    return atEnd.minus(before).max(Money.ZERO);
  }

  /**
   * The view after {@code event} ({@code current} null before the first event of the project seen).
   * Every project event says where the project belongs. The status comes from status changes, with
   * their effective date, not from progress reports. Cumulative investment never goes down and events
   * are folded in sequence order, so the last figure reported in a year is that year's.
   *
   * @param zone where the registration's day is counted (Zhejiang)
   */
  static ProjectView fold(ProjectView current, ProjectEvent event, ZoneId zone) {
    ProjectView v = current != null ? current : new ProjectView(ProjectId.of(event.aggregateId()), null, null, null,
        null, null, null, null, List.of(), null, null, null, null, List.of(), Map.of());
    if (event instanceof ProjectRegistered r) {
      return new ProjectView(v.projectId, r.name(), r.pairingId(), r.mountainCounty(), r.partnerCounty(), r.kind(),
          r.status(), r.plannedInvestment(), List.copyOf(r.investmentPlan()), v.cumulativeInvestment,
          r.registeredAt().atZone(zone).toLocalDate(), v.lastReportDate, v.statusSince, v.latestWarnings,
          v.cumulativeByYear);
    }
    if (event instanceof ProgressReported p) {
      Map<Integer, Money> byYear = new TreeMap<>(v.cumulativeByYear);
      if (p.cumulativeInvestment() != null) {
        byYear.put(p.reportDate().getYear(), p.cumulativeInvestment());
      }
      return new ProjectView(v.projectId, v.name, p.pairingId(), p.mountainCounty(), p.partnerCounty(), p.kind(),
          v.status, p.plannedInvestment(), v.investmentPlan,
          p.cumulativeInvestment() != null ? p.cumulativeInvestment() : v.cumulativeInvestment, v.registeredOn,
          p.reportDate(), v.statusSince,
          p.warnings().stream().map(w -> w.code() + ": " + w.message()).toList(), Map.copyOf(byYear));
    }
    if (event instanceof ProjectStatusChanged c) {
      return new ProjectView(v.projectId, v.name, c.pairingId(), c.mountainCounty(), c.partnerCounty(), c.kind(),
          c.to(), v.plannedInvestment, v.investmentPlan, v.cumulativeInvestment, v.registeredOn, v.lastReportDate,
          c.effectiveDate(), v.latestWarnings, v.cumulativeByYear);
    }
    throw new IllegalArgumentException("not a project event: " + event.type());
  }
}
