package org.shanhai.alerts.projection;

import java.util.Optional;

import org.shanhai.events.Event;
import org.shanhai.events.payouts.PayoutEvent;
import org.shanhai.events.payouts.VillageIncomeReported;
import org.shanhai.events.projects.ProgressReported;
import org.shanhai.events.projects.ProjectRegistered;
import org.shanhai.events.projects.ProjectStatusChanged;

/** Which subject an event changes, when it is one the rules look at. */
public record Touched(Kind kind, String id) {

  public enum Kind {
    PROJECT,
    PAYOUT,
    VILLAGE
  }

  /** The subject {@code event} changes, or empty for events no rule looks at. */
  public static Optional<Touched> by(Event event) {
    if (event instanceof ProjectRegistered || event instanceof ProgressReported
        || event instanceof ProjectStatusChanged) {
      return Optional.of(new Touched(Kind.PROJECT, event.aggregateId()));
    }
    if (event instanceof PayoutEvent payout) {
      return Optional.of(new Touched(Kind.PAYOUT, payout.payout().payoutId()));
    }
    if (event instanceof VillageIncomeReported) {
      return Optional.of(new Touched(Kind.VILLAGE, event.aggregateId()));
    }
    return Optional.empty();
  }
}
