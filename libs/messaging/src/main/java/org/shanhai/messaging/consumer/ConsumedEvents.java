package org.shanhai.messaging.consumer;

import java.time.Duration;
import java.util.function.Function;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

/**
 * Runs a consumer's reactive handling of one event on the binder's thread, with a timeout, and
 * counts the outcome ({@code shanhai_events_consumed_total{type,outcome}}: applied, ignored, failed)
 * and the dead letters ({@code shanhai_events_dead_lettered_total{group}}).
 * A failure is rethrown so the binder retries and, after its bounded attempts, dead-letters the
 * message while the consumer goes on with the next.
 */
public final class ConsumedEvents {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final MeterRegistry meters;

  public ConsumedEvents(MeterRegistry meters) {
    this.meters = meters;
  }

  public void handle(IncomingEvent event, Function<IncomingEvent, Mono<Projection.Outcome>> handler) {
    try {
      Projection.Outcome outcome = handler.apply(event).blockOptional(TIMEOUT).orElse(Projection.Outcome.IGNORED);
      count(event.type(), outcome.name().toLowerCase());
    } catch (RuntimeException e) {
      count(event.type(), "failed");
      throw e;
    }
  }

  /** Counts a message the binder gave up on and sent to the dead-letter topic of {@code group}. */
  public void deadLettered(String group) {
    Counter.builder("shanhai.events.dead.lettered").description("Messages sent to a dead-letter topic, by consumer group")
        .tag("group", group).register(meters).increment();
  }

  private void count(String type, String outcome) {
    Counter.builder("shanhai.events.consumed").description("Events consumed, by type and outcome")
        .tag("type", type).tag("outcome", outcome).register(meters).increment();
  }
}
