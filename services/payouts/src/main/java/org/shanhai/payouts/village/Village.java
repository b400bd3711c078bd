package org.shanhai.payouts.village;

import java.time.Clock;
import java.time.Instant;
import java.time.Year;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.shanhai.events.payouts.VillageIncomeReported;
import org.shanhai.events.value.CountyCode;
import org.shanhai.events.value.Money;
import org.shanhai.web.validation.Violations;

/**
 * A village collective (村集体) of a mountain county, with its yearly operating income as reported.
 * A year's report can be corrected by reporting the year again; the latest report counts. Years
 * are Zhejiang's: the clock passed in is in the configured zone.
 */
public record Village(
    String id,
    String name,
    CountyCode county,
    String township,
    List<IncomeReport> incomeReports,
    long sequence,
    String registeredBy,
    Instant registeredAt) {

  static final int MAX_NAME = 100;

  /** One year's collective operating income and whether it made the village weak that year. */
  public record IncomeReport(int year, Money income, Money threshold, boolean weak, String reportedBy,
      Instant reportedAt) {
  }

  /**
   * Validates the fields of a registration; the caller checks the county is a mountain county it
   * knows, so {@code r.county()} is a well-formed code when it is not null.
   */
  public static Village register(String id, VillageRegistration r, String user, Clock clock) {
    new Violations()
        .required("name", r.name())
        .required("county", r.county())
        .check(r.name() == null || r.name().strip().length() <= MAX_NAME, "name", "too-long",
            "name is at most " + MAX_NAME + " characters")
        .check(r.township() == null || r.township().length() <= MAX_NAME, "township", "too-long",
            "township is at most " + MAX_NAME + " characters")
        .check(r.county() == null || CountyCode.isWellFormed(r.county()), "county", "not-a-mountain-county",
            r.county() + " is not the six-digit GB/T 2260 code of a mountain county")
        .throwIfAny();
    return new Village(id, r.name().strip(), CountyCode.of(r.county()), r.township(), List.of(), 0, user,
        clock.instant());
  }

  /** The village after a year's income report, and the event that says whether it is weak. */
  public record Reported(Village village, VillageIncomeReported event) {
  }

  /** @param threshold a village with less income in a year is weak for it (集体经济薄弱村) */
  public Reported report(ReportedIncome request, Money threshold, String user, Clock clock) {
    int thisYear = Year.now(clock).getValue();
    Violations v = new Violations().required("year", request.year()).required("income", request.income());
    if (request.year() != null && (request.year() < 2003 || request.year() > thisYear)) {
      v.add("year", "out-of-range", "year must be from 2003 to " + thisYear);
    }
    Money income = Money.of(v.amount("income", request.income()));
    v.throwIfAny();
    boolean weak = income.isLessThan(threshold);
    Instant now = clock.instant();
    IncomeReport report = new IncomeReport(request.year(), income, threshold, weak, user, now);
    List<IncomeReport> reports = new ArrayList<>(incomeReports.stream()
        .filter(r -> r.year() != request.year()).toList());
    reports.add(report);
    reports.sort(Comparator.comparingInt(IncomeReport::year));
    Village next = new Village(id, name, county, township, List.copyOf(reports), sequence + 1, registeredBy,
        registeredAt);
    return new Reported(next, new VillageIncomeReported(id, next.sequence(), name, county, request.year(), income,
        threshold, weak, user, now));
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
