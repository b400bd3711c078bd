package org.shanhai.messaging.consumer;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.messaging.Message;
import reactor.core.publisher.Mono;

/**
 * Runs a consumer's handling of one message on the binder's thread: reads it ({@link EventReader}),
 * hands a known event to the consumer's reactive handler and awaits it with a timeout, and counts
 * the outcome ({@code shanhai_events_consumed_total{type,outcome}}: applied, ignored, failed) and
 * the dead letters ({@code shanhai_events_dead_lettered_total{group}}). An event of a type this
 * version does not know is counted as ignored. A failure, reading included, is counted and rethrown
 * so the binder retries and, after its bounded attempts, dead-letters the message while the
 * consumer goes on with the next.
 */
public final class ConsumedEvents {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final EventReader reader;
  private final MeterRegistry meters;

  public ConsumedEvents(EventReader reader, MeterRegistry meters) {
    this.reader = reader;
    this.meters = meters;
  }

  /**
   * @param handler applies the event; emits true when it changed something, false when it was a
   *     duplicate, stale, or of no interest to this consumer
   */
  public void handle(Message<byte[]> message, Function<IncomingEvent, Mono<Boolean>> handler) {
    String type = typeOf(message);
    try {
      Optional<IncomingEvent> event = reader.read(message);
      boolean applied = event.isPresent()
          && handler.apply(event.get()).blockOptional(TIMEOUT).orElse(false);
      count(type, applied ? "applied" : "ignored");
    } catch (RuntimeException e) {
      count(type, "failed");
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

  /** The type label: the {@code ce_type} header, or "unknown" for a message without one. */
  private static String typeOf(Message<byte[]> message) {
    Object type = message.getHeaders().get("ce_type");
    return type instanceof byte[] bytes ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8)
        : type == null ? "unknown" : type.toString();
  }
}
