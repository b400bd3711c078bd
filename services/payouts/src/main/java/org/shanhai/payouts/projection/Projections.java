package org.shanhai.payouts.projection;

import org.shanhai.messaging.consumer.IncomingEvent;
import org.shanhai.messaging.consumer.Projection;
import reactor.core.publisher.Mono;

/** The payouts service's own copy of the projects and pairings it needs, kept from their events. */
public interface Projections {

  /** Applies one event of {@code shanhai.projects.v1}, once: duplicates and stale sequences are ignored. */
  Mono<Projection.Outcome> apply(IncomingEvent event);

  Mono<ProjectView> project(String projectId);

  Mono<PairingView> pairing(String pairingId);

  /** True when {@code county} is the mountain county of some known pairing. */
  Mono<Boolean> isMountainCounty(String county);
}
