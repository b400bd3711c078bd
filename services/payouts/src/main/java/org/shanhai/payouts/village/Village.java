package org.shanhai.payouts.village;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.shanhai.events.payouts.VillageIncomeReported;
import org.shanhai.web.validation.Violations;

/**
 * A village collective (村集体) of a mountain county, with its yearly operating income as reported.
 * A year's report can be corrected by reporting the year again; the latest report counts.
 */
public record Village(
    String id,
    String name,
    String county,
    String township,
    List<IncomeReport> incomeReports,
    long sequence,
    String registeredBy,
    Instant registeredAt) {

  static final ZoneId ZHEJIANG = ZoneId.of("Asia/Shanghai");
  static final int MAX_NAME = 100;

  /** One year's collective operating income and whether it made the village weak that year. */
  public record IncomeReport(int year, BigDecimal income, BigDecimal threshold, boolean weak, String reportedBy,
      Instant reportedAt) {
  }

  /** What an officer sends to register a village. */
  public record Registration(String name, String county, String township) {
  }

  /** What an officer sends to report a year's income. */
  public record IncomeRequest(Integer year, BigDecimal income) {
  }

  /** Validates the fields of a registration; the caller checks the county is a mountain county it knows. */
  public static Village register(String id, Registration r, String user, Clock clock) {
    new Violations()
        .required("name", r.name())
        .required("county", r.county())
        .check(r.name() == null || r.name().strip().length() <= MAX_NAME, "name", "too-long",
            "name is at most " + MAX_NAME + " characters")
        .check(r.township() == null || r.township().length() <= MAX_NAME, "township", "too-long",
            "township is at most " + MAX_NAME + " characters")
        .throwIfAny();
    return new Village(id, r.name().strip(), r.county(), r.township(), List.of(), 0, user, clock.instant());
  }

  /** The village after a year's income report, and the event that says whether it is weak. */
  public record Reported(Village village, VillageIncomeReported event) {
  }

  public Reported report(IncomeRequest request, BigDecimal threshold, String user, Clock clock) {
    int thisYear = Year.now(clock.withZone(ZHEJIANG)).getValue();
    Violations v = new Violations().required("year", request.year()).required("income", request.income());
    if (request.year() != null && (request.year() < 2003 || request.year() > thisYear)) {
      v.add("year", "out-of-range", "year must be from 2003 to " + thisYear);
    }
    BigDecimal income = v.amount("income", request.income());
    v.throwIfAny();
    BigDecimal limit = threshold.setScale(2, RoundingMode.HALF_UP);
    boolean weak = income.compareTo(limit) < 0;
    Instant now = clock.instant();
    IncomeReport report = new IncomeReport(request.year(), income, limit, weak, user, now);
    List<IncomeReport> reports = new ArrayList<>(incomeReports.stream()
        .filter(r -> r.year() != request.year()).toList());
    reports.add(report);
    reports.sort(Comparator.comparingInt(IncomeReport::year));
    Village next = new Village(id, name, county, township, List.copyOf(reports), sequence + 1, registeredBy,
        registeredAt);
    return new Reported(next, new VillageIncomeReported(id, next.sequence(), name, county, request.year(), income,
        limit, weak, user, now));
  }

  /** Weak in {@code year} by that year's report; unknown (false) without one. */
  public boolean weakIn(int year) {
    return incomeReports.stream().anyMatch(r -> r.year() == year && r.weak());
  }

  /** Weak by its latest report. */
  public boolean weakNow() {
    return !incomeReports.isEmpty() && incomeReports.get(incomeReports.size() - 1).weak();
  }
}
