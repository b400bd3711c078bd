package org.shanhai.payouts.metrics;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.shanhai.messaging.schedule.Turns;
import org.springframework.beans.factory.annotation.Value;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.shanhai.messaging.metrics.GaugeTable;
import org.shanhai.payouts.shareholding.Payout;
import org.shanhai.payouts.shareholding.PayoutStatus;
import org.shanhai.payouts.shareholding.Shareholding;
import org.shanhai.payouts.shareholding.ShareholdingQuery;
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
 * time of those whose timeliness is known (the on-time payout rate), how many villages are weak.
 * Refreshed on a schedule ({@code shanhai.payouts.metrics-interval}, 30 s), not computed on each
 * scrape, so a scrape never scans the collections.
 */
@Component
public class PayoutMetrics {

  private static final Logger log = LoggerFactory.getLogger(PayoutMetrics.class);

  /** The figures of one county, partner and year, summed over its payouts. */
  private static final class Row {
    BigDecimal guaranteed = BigDecimal.ZERO;
    BigDecimal paid = BigDecimal.ZERO;
    BigDecimal overdueAmount = BigDecimal.ZERO;
    int overdue;
    int timelinessKnown;
    int paidOnTime;
  }

  private final ShareholdingService shareholdings;
  private final VillageStore villages;
  private final GaugeTable guaranteed;
  private final GaugeTable paid;
  private final GaugeTable outstanding;
  private final GaugeTable overdueAmount;
  private final GaugeTable overduePayouts;
  private final GaugeTable timelinessKnown;
  private final GaugeTable paidOnTime;
  private final GaugeTable weakVillages;
  private final int graceDays;
  private final Clock clock;
  private final Turns turns;
  private final Duration interval;

  public PayoutMetrics(ShareholdingService shareholdings, VillageStore villages, Shareholding.Policy policy, Clock clock,
      MeterRegistry meters, Turns turns, @Value("${shanhai.payouts.metrics-interval:PT30S}") Duration interval) {
    this.turns = turns;
    this.interval = interval;
    this.shareholdings = shareholdings;
    this.villages = villages;
    this.graceDays = policy.graceDays();
    this.clock = clock;
    this.guaranteed = GaugeTable.register(meters, "shanhai.payouts.guaranteed", "yuan",
        "Guaranteed or fixed payouts owed to villages");
    this.paid = GaugeTable.register(meters, "shanhai.payouts.paid", "yuan", "Paid towards those payouts");
    this.outstanding = GaugeTable.register(meters, "shanhai.payouts.outstanding", "yuan", "Guaranteed minus paid");
    this.overdueAmount = GaugeTable.register(meters, "shanhai.payouts.overdue.amount", "yuan",
        "Outstanding on overdue payouts");
    this.overduePayouts = GaugeTable.register(meters, "shanhai.payouts.overdue", null, "Payouts overdue");
    this.timelinessKnown = GaugeTable.register(meters, "shanhai.payouts.timeliness.known", null,
        "Payouts paid in full, or past their due date plus the grace period");
    this.paidOnTime = GaugeTable.register(meters, "shanhai.payouts.paid.on.time", null,
        "Payouts paid in full by their due date plus the grace period");
    this.weakVillages = GaugeTable.register(meters, "shanhai.villages.weak", null,
        "Villages weak by their latest income report");
  }

  @Scheduled(fixedDelayString = "${shanhai.payouts.metrics-interval:PT30S}", initialDelayString = "PT2S")
  public void refresh() {
    if (!turns.takeForRounds("payouts-metrics", interval)) {
      record(List.of(), List.of());
      return;
    }
    try {
      List<Shareholding> all = shareholdings.all(ShareholdingQuery.ALL).collectList().block(Duration.ofMinutes(1));
      List<Village> registered = villages.inCounty(null).collectList().block(Duration.ofMinutes(1));
      record(all == null ? List.of() : all, registered == null ? List.of() : registered);
    } catch (RuntimeException e) {
      log.warn("payout metrics not refreshed; the next run retries: {}", e.toString());
    }
  }

  private void record(List<Shareholding> all, List<Village> registered) {
    LocalDate today = LocalDate.now(clock);
    Map<Tags, Row> rows = new HashMap<>();
    for (Shareholding s : all) {
      for (Payout p : s.payouts()) {
        Row row = rows.computeIfAbsent(Tags.of("county", s.mountainCounty().code(), "partner",
            s.partnerCounty().code(), "year", String.valueOf(p.year())), t -> new Row());
        row.guaranteed = row.guaranteed.add(p.guaranteedAmount().yuan());
        row.paid = row.paid.add(p.paidAmount().yuan());
        if (p.status() == PayoutStatus.OVERDUE) {
          row.overdueAmount = row.overdueAmount.add(p.outstanding().yuan());
          row.overdue++;
        }
        if (p.timelinessKnown(today, graceDays)) {
          row.timelinessKnown++;
          row.paidOnTime += p.paidOnTime(graceDays) ? 1 : 0;
        }
      }
    }
    guaranteed.replace(column(rows, r -> r.guaranteed));
    paid.replace(column(rows, r -> r.paid));
    outstanding.replace(column(rows, r -> r.guaranteed.subtract(r.paid)));
    overdueAmount.replace(column(rows, r -> r.overdueAmount));
    overduePayouts.replace(column(rows, r -> r.overdue));
    timelinessKnown.replace(column(rows, r -> r.timelinessKnown));
    paidOnTime.replace(column(rows, r -> r.paidOnTime));
    Map<Tags, Integer> weak = new HashMap<>();
    registered.forEach(v -> weak.merge(Tags.of("county", v.county().code()), v.weakNow() ? 1 : 0, Integer::sum));
    weakVillages.replace(weak);
  }

  private static Map<Tags, Number> column(Map<Tags, Row> rows, java.util.function.Function<Row, Number> value) {
    Map<Tags, Number> column = new HashMap<>();
    rows.forEach((tags, row) -> column.put(tags, value.apply(row)));
    return column;
  }
}
