package org.shanhai.console.project;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.shanhai.console.api.ProjectsApi.PlanPoint;
import org.shanhai.console.api.ProjectsApi.Update;

/**
 * The cumulative investment of a project against its plan, as an SVG drawn on the server: no
 * script and no chart library, so it shows on any phone. Coordinates are in a fixed view box that
 * the page scales to its width.
 *
 * @param plan the plan's polyline points ("x,y x,y ..."), empty without a plan
 * @param actual the reported cumulative investment's polyline points, empty without reports
 * @param dots the reported points, each marked
 * @param top the largest amount, the top of the vertical axis
 */
public record InvestmentChart(String plan, String actual, List<Dot> dots, BigDecimal top, LocalDate from,
    LocalDate to) {

  static final int WIDTH = 600;
  static final int HEIGHT = 220;
  static final int LEFT = 8;
  static final int BOTTOM = 200;
  static final int TOP_MARGIN = 10;

  public record Dot(int x, int y, LocalDate date, BigDecimal amount) {
  }

  public boolean empty() {
    return plan.isEmpty() && actual.isEmpty();
  }

  /** The chart of {@code plan} and the reports among {@code updates} that gave a cumulative investment. */
  public static InvestmentChart of(List<PlanPoint> plan, List<Update> updates) {
    List<Point> planned = plan.stream().filter(p -> p.date() != null && p.cumulative() != null)
        .map(p -> new Point(p.date(), p.cumulative())).sorted(Comparator.comparing(Point::date)).toList();
    List<Point> reported = updates.stream().filter(u -> u.reportDate() != null && u.cumulativeInvestment() != null)
        .sorted(Comparator.comparing(Update::reportDate).thenComparing(Update::sequence))
        .map(u -> new Point(u.reportDate(), u.cumulativeInvestment())).toList();
    List<Point> all = Stream.concat(planned.stream(), reported.stream()).toList();
    if (all.isEmpty()) {
      return new InvestmentChart("", "", List.of(), BigDecimal.ZERO, null, null);
    }
    LocalDate from = all.stream().map(Point::date).min(Comparator.naturalOrder()).orElseThrow();
    LocalDate to = all.stream().map(Point::date).max(Comparator.naturalOrder()).orElseThrow();
    BigDecimal top = all.stream().map(Point::amount).max(Comparator.naturalOrder()).orElseThrow();
    Scale scale = new Scale(from, Math.max(1, ChronoUnit.DAYS.between(from, to)), top.signum() > 0 ? top : BigDecimal.ONE);
    List<Dot> dots = new ArrayList<>();
    for (Point p : reported) {
      dots.add(new Dot(scale.x(p.date()), scale.y(p.amount()), p.date(), p.amount()));
    }
    return new InvestmentChart(line(planned, scale), line(reported, scale), List.copyOf(dots), top, from, to);
  }

  private static String line(List<Point> points, Scale scale) {
    return points.stream().map(p -> scale.x(p.date()) + "," + scale.y(p.amount())).collect(Collectors.joining(" "));
  }

  private record Point(LocalDate date, BigDecimal amount) {
    Point {
      Objects.requireNonNull(date);
      Objects.requireNonNull(amount);
    }
  }

  private record Scale(LocalDate from, long days, BigDecimal top) {

    int x(LocalDate date) {
      return LEFT + (int) ((WIDTH - 2 * LEFT) * ChronoUnit.DAYS.between(from, date) / days);
    }

    int y(BigDecimal amount) {
      BigDecimal share = amount.max(BigDecimal.ZERO).divide(top, 4, RoundingMode.HALF_UP);
      return BOTTOM - share.multiply(BigDecimal.valueOf(BOTTOM - TOP_MARGIN)).intValue();
    }
  }
}
