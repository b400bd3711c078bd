package org.shanhai.payouts.projection;

import java.util.function.UnaryOperator;

import org.shanhai.events.value.CountyCode;
import org.shanhai.events.value.ProjectId;
import reactor.core.publisher.Mono;

/**
 * Where the payouts service keeps its views of projects and pairings: one per aggregate with the
 * sequence of the last event folded into it, so a duplicate or stale event changes nothing.
 */
public interface ProjectViews {

  /** Folds an event of {@code sequence} into the project's view, once; true when it changed it. */
  Mono<Boolean> updateProject(ProjectId projectId, long sequence, UnaryOperator<ProjectView> fold);

  /** Folds an event of {@code sequence} into the pairing's view, once; true when it changed it. */
  Mono<Boolean> updatePairing(String pairingId, long sequence, UnaryOperator<PairingView> fold);

  Mono<ProjectView> project(ProjectId projectId);

  Mono<PairingView> pairing(String pairingId);

  /** True when {@code county} is the mountain county of some known pairing. */
  Mono<Boolean> isMountainCounty(CountyCode county);
}
