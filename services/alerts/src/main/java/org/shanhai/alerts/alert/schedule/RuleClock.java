package org.shanhai.alerts.alert.schedule;

import java.time.Duration;

import org.shanhai.alerts.alert.Evaluation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the rules over everything on a schedule, every minute by default
 * ({@code shanhai.alerts.clock-interval}), with the time from the injected clock. Several instances
 * may run it at once: every change is a sequence-guarded write. Tests switch the schedule off
 * ({@code shanhai.alerts.clock-enabled=false}) and run rounds themselves.
 */
@Component
@ConditionalOnProperty(prefix = "shanhai.alerts", name = "clock-enabled", matchIfMissing = true)
class RuleClock {

  private static final Logger log = LoggerFactory.getLogger(RuleClock.class);

  private final Evaluation evaluation;

  RuleClock(Evaluation evaluation) {
    this.evaluation = evaluation;
  }

  @Scheduled(fixedDelayString = "${shanhai.alerts.clock-interval:PT1M}", initialDelayString = "PT5S")
  void tick() {
    try {
      Long holding = evaluation.all().block(Duration.ofMinutes(5));
      log.debug("rule clock: {} condition(s) hold", holding);
    } catch (RuntimeException e) {
      log.warn("rule clock round failed; the next round retries: {}", e.toString());
    }
  }
}
