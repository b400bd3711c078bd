package org.shanhai.alerts.alert.schedule;

import java.time.Duration;
import org.shanhai.messaging.schedule.Turns;
import org.springframework.beans.factory.annotation.Value;

import org.shanhai.alerts.alert.Evaluation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the rules over everything on a schedule, every minute by default
 * ({@code shanhai.alerts.clock-interval}), with the time from the injected clock. One instance of
 * the service runs the rounds at a time ({@link Turns}); every change is a sequence-guarded write
 * anyway, so a round run twice during a handover records nothing twice. Tests switch the schedule
 * off ({@code shanhai.alerts.clock-enabled=false}) and run rounds themselves.
 */
@Component
@ConditionalOnProperty(prefix = "shanhai.alerts", name = "clock-enabled", matchIfMissing = true)
class RuleClock {

  private static final Logger log = LoggerFactory.getLogger(RuleClock.class);

  private final Evaluation evaluation;
  private final Turns turns;
  private final Duration interval;

  RuleClock(Evaluation evaluation, Turns turns, @Value("${shanhai.alerts.clock-interval:PT1M}") Duration interval) {
    this.evaluation = evaluation;
    this.turns = turns;
    this.interval = interval;
  }

  @Scheduled(fixedDelayString = "${shanhai.alerts.clock-interval:PT1M}", initialDelayString = "PT5S")
  void tick() {
    // One instance runs the rounds (each change is sequence-guarded anyway); the others skip them.
    if (!turns.takeForRounds("alerts-rule-clock", interval)) {
      return;
    }
    try {
      Long holding = evaluation.all().block(Duration.ofMinutes(5));
      log.debug("rule clock: {} condition(s) hold", holding);
    } catch (RuntimeException e) {
      log.warn("rule clock round failed; the next round retries: {}", e.toString());
    }
  }
}
