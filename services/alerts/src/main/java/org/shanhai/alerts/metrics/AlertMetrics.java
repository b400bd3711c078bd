package org.shanhai.alerts.metrics;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.shanhai.messaging.schedule.Turns;
import org.springframework.beans.factory.annotation.Value;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import org.shanhai.alerts.alert.Alert;
import org.shanhai.alerts.alert.AlertStore;
import org.shanhai.alerts.delivery.DeliveryMetrics;
import org.shanhai.messaging.metrics.GaugeTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The alerts service's figures, labelled only by bounded dimensions (rule, severity, county,
 * channel, outcome), never by alert or subscription id. Open alerts are counted on a schedule
 * ({@code shanhai.alerts.metrics-interval}), not on each scrape; the rest are counted as they happen.
 */
@Component
public class AlertMetrics implements DeliveryMetrics {

  private static final Logger log = LoggerFactory.getLogger(AlertMetrics.class);

  private final AlertStore alerts;
  private final MeterRegistry meters;
  private final GaugeTable open;
  private final Turns turns;
  private final Duration interval;

  AlertMetrics(AlertStore alerts, MeterRegistry meters, Turns turns,
      @Value("${shanhai.alerts.metrics-interval:PT30S}") Duration interval) {
    this.alerts = alerts;
    this.turns = turns;
    this.interval = interval;
    this.meters = meters;
    this.open = GaugeTable.register(meters, "shanhai.alerts.open", null,
        "Alerts firing or acknowledged, by rule, severity, state and mountain county");
  }

  @Scheduled(fixedDelayString = "${shanhai.alerts.metrics-interval:PT30S}", initialDelayString = "PT2S")
  public void refresh() {
    if (!turns.takeForRounds("alerts-metrics", interval)) {
      open.replace(Map.of());
      return;
    }
    try {
      List<Alert> current = alerts.current().filter(a -> a.state().isOpen()).collectList().block(Duration.ofMinutes(1));
      Map<Tags, Long> counts = (current == null ? List.<Alert>of() : current).stream()
          .collect(Collectors.groupingBy(a -> Tags.of("rule", a.rule().id(), "severity", a.severity().name(),
              "state", a.state().name(), "county", a.subject().county() == null ? "" : a.subject().county().code()),
              Collectors.counting()));
      open.replace(counts);
    } catch (RuntimeException e) {
      log.warn("alert metrics not refreshed; the next run retries: {}", e.toString());
    }
  }

  @Override
  public void notification(String channel, String outcome) {
    Counter.builder("shanhai.alerts.notifications").description("Notifications by channel and outcome")
        .tag("channel", channel).tag("outcome", outcome).register(meters).increment();
  }

  @Override
  public void attempt(String outcome, Duration took) {
    Timer.builder("shanhai.alerts.delivery.duration").description("Webhook attempts: time to the receiver's answer")
        .tag("outcome", outcome).register(meters).record(took);
  }

  @Override
  public void eventToNotification(String channel, Duration latency) {
    Timer.builder("shanhai.alerts.event.to.notification")
        .description("From the fact that changed an alert to its notification being accepted by the subscriber")
        .tag("channel", channel).register(meters).record(latency.isNegative() ? Duration.ZERO : latency);
  }
}
