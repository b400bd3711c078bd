package org.shanhai.alerts.projection;

import java.util.function.UnaryOperator;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Where the alerts service keeps its views of projects, payouts and villages: one per subject
 * with the sequence of the last event folded into it (a payout's is its shareholding's, which rises
 * with every event about the payout), so a duplicate or stale event changes nothing.
 */
public interface SubjectViews {

  /** Folds an event of {@code sequence} into the view, once; true when it changed it. */
  Mono<Boolean> updateProject(String projectId, long sequence, UnaryOperator<ProjectView> fold);

  Mono<Boolean> updatePayout(String payoutId, long sequence, UnaryOperator<PayoutView> fold);

  Mono<Boolean> updateVillage(String villageId, long sequence, UnaryOperator<VillageView> fold);

  Mono<ProjectView> project(String projectId);

  Mono<PayoutView> payout(String payoutId);

  Mono<VillageView> village(String villageId);

  Flux<ProjectView> projects();

  Flux<PayoutView> payouts();

  Flux<VillageView> villages();
}
