package org.shanhai.payouts.shareholding.schedule;

import java.time.Duration;
import org.shanhai.messaging.schedule.Turns;
import org.springframework.beans.factory.annotation.Value;

import org.shanhai.payouts.shareholding.ShareholdingService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the time-driven payout transitions (due, overdue) on a schedule, every minute by default
 * ({@code shanhai.payouts.clock-interval}), on one instance of the service at a time ({@link Turns}).
 * The time comes from the injected clock. Tests switch the
 * schedule off ({@code shanhai.payouts.clock-enabled=false}) and run the transitions themselves.
 */
@Component
@ConditionalOnProperty(prefix = "shanhai.payouts", name = "clock-enabled", matchIfMissing = true)
class PayoutClock {

  private static final Logger log = LoggerFactory.getLogger(PayoutClock.class);

  private final ShareholdingService shareholdings;
  private final Turns turns;
  private final Duration interval;

  PayoutClock(ShareholdingService shareholdings, Turns turns,
      @Value("${shanhai.payouts.clock-interval:PT1M}") Duration interval) {
    this.shareholdings = shareholdings;
    this.turns = turns;
    this.interval = interval;
  }

  @Scheduled(fixedDelayString = "${shanhai.payouts.clock-interval:PT1M}", initialDelayString = "PT5S")
  void tick() {
    // One instance runs the rounds; the others would find nothing left to do but read everything again.
    if (!turns.takeForRounds("payouts-clock", interval)) {
      return;
    }
    try {
      Integer events = shareholdings.advanceAll().block(Duration.ofMinutes(5));
      if (events != null && events > 0) {
        log.info("payout clock: {} transition event(s) recorded", events);
      }
    } catch (RuntimeException e) {
      log.warn("payout clock run failed; the next run retries: {}", e.toString());
    }
  }
}
