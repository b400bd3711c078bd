package org.shanhai.alerts.projection;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What the alerts service knows of a project, kept from the projects service's events: where it
 * belongs (for labels), its status, its investment plan and the cumulative investment reported, the
 * date it was last heard of, the warnings of its latest update, and the cumulative investment at
 * the last report of each year (for the annual targets).
 */
public record ProjectView(
    String projectId,
    String name,
    String pairingId,
    String mountainCounty,
    String partnerCounty,
    String kind,
    String status,
    BigDecimal plannedInvestment,
    List<PlanPoint> investmentPlan,
    BigDecimal cumulativeInvestment,
    LocalDate registeredOn,
    LocalDate lastReportDate,
    LocalDate statusSince,
    List<String> latestWarnings,
    Map<Integer, BigDecimal> cumulativeByYear) {

  /** The cumulative investment planned to be completed by {@code date}. */
  public record PlanPoint(LocalDate date, BigDecimal cumulative) {
  }

  /** The name people know it by; its id while only its updates have been seen. */
  public String title() {
    return name != null ? name : projectId;
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
  public BigDecimal investedIn(int year) {
    BigDecimal atEnd = cumulativeByYear.get(year);
    if (atEnd == null) {
      return BigDecimal.ZERO.setScale(2);
    }
    BigDecimal before = cumulativeByYear.entrySet().stream().filter(e -> e.getKey() < year)
        .max(Map.Entry.comparingByKey()).map(Map.Entry::getValue).orElse(BigDecimal.ZERO.setScale(2));
    return atEnd.subtract(before).max(BigDecimal.ZERO);
  }
}
