package org.shanhai.alerts.projection;

import org.shanhai.messaging.consumer.IncomingEvent;
import org.shanhai.messaging.consumer.Projection;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The alerts service's own copy of the projects, payouts and villages its rules look at, kept from
 * the events of {@code shanhai.projects.v1} and {@code shanhai.payouts.v1}: one document per
 * subject holding the sequence of the last event applied, so duplicates and stale events change nothing.
 */
public interface Projections {

  /** Which subject an event is about, if it is one the rules look at. */
  record Touched(Kind kind, String id) {

    public enum Kind {
      PROJECT,
      PAYOUT,
      VILLAGE
    }
  }

  /** Applies one event, once. */
  Mono<Projection.Outcome> apply(IncomingEvent event);

  /** The subject {@code event} changes, or empty for events no rule looks at. */
  java.util.Optional<Touched> touched(IncomingEvent event);

  Mono<ProjectView> project(String projectId);

  Mono<PayoutView> payout(String payoutId);

  Mono<VillageView> village(String villageId);

  Flux<ProjectView> projects();

  Flux<PayoutView> payouts();

  Flux<VillageView> villages();
}
