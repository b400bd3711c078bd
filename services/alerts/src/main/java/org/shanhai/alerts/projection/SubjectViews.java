package org.shanhai.alerts.projection;

import java.util.Collection;
import java.util.function.UnaryOperator;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Where the alerts service keeps its views of projects, payouts and villages: one per subject
 * with the sequence of the last event folded into it (a payout's is its shareholding's, which rises
 * with every event about the payout), so a duplicate or stale event changes nothing.
 */
public interface SubjectViews {

  /**
   * Reads the views of these subjects at once for the poll of events being applied, for each event's
   * fold to start from instead of a read of its own; outside a poll, nothing.
   */
  Mono<Void> readAhead(Collection<String> projectIds, Collection<String> payoutIds, Collection<String> villageIds);

  /** Folds an event of {@code sequence} into the view, once. */
  Mono<Updated> updateProject(String projectId, long sequence, UnaryOperator<ProjectView> fold);

  Mono<Updated> updatePayout(String payoutId, long sequence, UnaryOperator<PayoutView> fold);

  Mono<Updated> updateVillage(String villageId, long sequence, UnaryOperator<VillageView> fold);

  Flux<ProjectView> projects();

  Flux<PayoutView> payouts();

  Flux<VillageView> villages();

  /**
   * A view after an event: {@code changed} when the event was folded into it now; {@code view} as it
   * stands after (null only if there is none, for an event that changed nothing).
   */
  record Updated(boolean changed, SubjectView view) {
  }
}
