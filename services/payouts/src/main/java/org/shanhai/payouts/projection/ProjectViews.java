package org.shanhai.payouts.projection;

import java.util.Collection;
import java.util.function.UnaryOperator;

import org.shanhai.events.value.CountyCode;
import org.shanhai.events.value.ProjectId;
import reactor.core.publisher.Mono;

/**
 * Where the payouts service keeps its views of projects and pairings: one per aggregate with the
 * sequence of the last event folded into it, so a duplicate or stale event changes nothing.
 */
public interface ProjectViews {

  /**
   * Reads the views of these projects and pairings at once for the poll of events being applied, for
   * each event's fold to start from instead of a read of its own; outside a poll, nothing.
   */
  Mono<Void> readAhead(Collection<ProjectId> projectIds, Collection<String> pairingIds);

  /** Folds an event of {@code sequence} into the project's view, once; true when it changed it. */
  Mono<Boolean> updateProject(ProjectId projectId, long sequence, UnaryOperator<ProjectView> fold);

  /** Folds an event of {@code sequence} into the pairing's view, once; true when it changed it. */
  Mono<Boolean> updatePairing(String pairingId, long sequence, UnaryOperator<PairingView> fold);

  Mono<ProjectView> project(ProjectId projectId);

  Mono<PairingView> pairing(String pairingId);

  /** True when {@code county} is the mountain county of some known pairing. */
  Mono<Boolean> isMountainCounty(CountyCode county);
}
