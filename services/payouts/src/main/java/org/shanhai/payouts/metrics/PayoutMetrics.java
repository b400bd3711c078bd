package org.shanhai.payouts.metrics;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.shanhai.payouts.shareholding.Payout;
import org.shanhai.payouts.shareholding.PayoutStatus;
import org.shanhai.payouts.shareholding.Shareholding;
import org.shanhai.payouts.shareholding.ShareholdingService;
import org.shanhai.payouts.village.Village;
import org.shanhai.payouts.village.VillageStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The money figures for dashboards, labelled only by county, partner and year (bounded): what is
 * guaranteed, paid, outstanding and overdue, how many payouts are overdue, how many were paid on
 * time of those whose timeliness is known (the on-time payout rate), how many villages are weak. Refreshed on a schedule ({@code shanhai.payouts.metrics-interval}, 30 s), not computed on
 * each scrape, so a scrape never scans the collections.
 */
@Component
public class PayoutMetrics {

  private static final Logger log = LoggerFactory.getLogger(PayoutMetrics.class);

  private final ShareholdingService shareholdings;
  private final VillageStore villages;
  private final MultiGauge guaranteed;
  private final MultiGauge paid;
  private final MultiGauge outstanding;
  private final MultiGauge overdueAmount;
  private final MultiGauge overduePayouts;
  private final MultiGauge timelinessKnown;
  private final MultiGauge paidOnTime;
  private final MultiGauge weakVillages;
  private final int graceDays;
  private final Clock clock;

  public PayoutMetrics(ShareholdingService shareholdings, VillageStore villages, Shareholding.Policy policy, Clock clock,
      MeterRegistry meters) {
    this.shareholdings = shareholdings;
    this.villages = villages;
    this.graceDays = policy.graceDays();
    this.clock = clock;
    this.guaranteed = gauge("shanhai.payouts.guaranteed", "yuan", "Guaranteed or fixed payouts owed to villages", meters);
    this.paid = gauge("shanhai.payouts.paid", "yuan", "Paid towards those payouts", meters);
    this.outstanding = gauge("shanhai.payouts.outstanding", "yuan", "Guaranteed minus paid", meters);
    this.overdueAmount = gauge("shanhai.payouts.overdue.amount", "yuan", "Outstanding on overdue payouts", meters);
    this.overduePayouts = gauge("shanhai.payouts.overdue", null, "Payouts overdue", meters);
    this.timelinessKnown = gauge("shanhai.payouts.timeliness.known", null,
        "Payouts paid in full, or past their due date plus the grace period", meters);
    this.paidOnTime = gauge("shanhai.payouts.paid.on.time", null,
        "Payouts paid in full by their due date plus the grace period", meters);
    this.weakVillages = gauge("shanhai.villages.weak", null, "Villages weak by their latest income report", meters);
  }

  @Scheduled(fixedDelayString = "${shanhai.payouts.metrics-interval:PT30S}", initialDelayString = "PT2S")
  public void refresh() {
    try {
      List<Shareholding> all = shareholdings.search(null, null, null, null).collectList().block(Duration.ofMinutes(1));
      List<Village> registered = villages.inCounty(null).collectList().block(Duration.ofMinutes(1));
      record(all == null ? List.of() : all, registered == null ? List.of() : registered);
    } catch (RuntimeException e) {
      log.warn("payout metrics not refreshed; the next run retries: {}", e.toString());
    }
  }

  private void record(List<Shareholding> all, List<Village> registered) {
    LocalDate today = LocalDate.now(clock.withZone(Shareholding.ZHEJIANG));
    Map<Tags, BigDecimal[]> sums = new HashMap<>();
    for (Shareholding s : all) {
      for (Payout p : s.payouts()) {
        Tags tags = Tags.of("county", s.mountainCounty(), "partner", s.partnerCounty(), "year", String.valueOf(p.year()));
        BigDecimal[] row = sums.computeIfAbsent(tags, t -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO,
            BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
        row[0] = row[0].add(p.guaranteedAmount());
        row[1] = row[1].add(p.paidAmount());
        if (p.status() == PayoutStatus.OVERDUE) {
          row[2] = row[2].add(p.outstanding());
          row[3] = row[3].add(BigDecimal.ONE);
        }
        if (p.timelinessKnown(today, graceDays)) {
          row[4] = row[4].add(BigDecimal.ONE);
          row[5] = row[5].add(p.paidOnTime(graceDays) ? BigDecimal.ONE : BigDecimal.ZERO);
        }
      }
    }
    guaranteed.register(rows(sums, r -> r[0]), true);
    paid.register(rows(sums, r -> r[1]), true);
    outstanding.register(rows(sums, r -> r[0].subtract(r[1])), true);
    overdueAmount.register(rows(sums, r -> r[2]), true);
    overduePayouts.register(rows(sums, r -> r[3]), true);
    timelinessKnown.register(rows(sums, r -> r[4]), true);
    paidOnTime.register(rows(sums, r -> r[5]), true);
    Map<String, Integer> weak = new HashMap<>();
    registered.forEach(v -> weak.merge(v.county(), v.weakNow() ? 1 : 0, Integer::sum));
    weakVillages.register(weak.entrySet().stream()
        .map(e -> MultiGauge.Row.of(Tags.of("county", e.getKey()), e.getValue())).toList(), true);
  }

  private static List<MultiGauge.Row<?>> rows(Map<Tags, BigDecimal[]> sums, Function<BigDecimal[], BigDecimal> value) {
    List<MultiGauge.Row<?>> rows = new ArrayList<>();
    sums.forEach((tags, row) -> rows.add(MultiGauge.Row.of(tags, value.apply(row).doubleValue())));
    return rows;
  }

  private static MultiGauge gauge(String name, String unit, String description, MeterRegistry meters) {
    MultiGauge.Builder builder = MultiGauge.builder(name).description(description);
    return (unit == null ? builder : builder.baseUnit(unit)).register(meters);
  }
}
