package org.shanhai.messaging.consumer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.shanhai.events.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs a consumer's handling of one poll's records on the binder's thread. Records of one Kafka key
 * (one aggregate, one partition) are applied one after another in their order; records of different
 * keys side by side, so a poll waits for the database about as long as its longest key does, not as
 * long as all its records in a row. Each record is read ({@link EventReader}) and, when of a known
 * type, handed to the consumer's reactive handler, with a timeout. The poll's records are all read
 * before any is handed over, so that a consumer can read what their handling starts from for the
 * whole poll at once ({@link ReadAhead}).
 *
 * <p>When a record fails, the records after it of the same key are left untried (their order must
 * hold), and the poll ends in a {@link BatchListenerFailedException} naming the first failed record.
 * The container's error handler ({@code FailedRecords}) then commits the records before it,
 * retries it with the binding's back-off and, once out of attempts or at once for a
 * {@link PoisonEvent}, dead-letters it and goes on with the rest. Records after it that were applied
 * are delivered again; the consumers are idempotent, so they change nothing then.
 *
 * <p>Counts each record's outcome ({@code shanhai_events_consumed_total{type,outcome}}: applied,
 * ignored, failed) and the dead letters ({@code shanhai_events_dead_lettered_total{group}}). An
 * event of a type this version does not know is counted as ignored.
 */
public final class ConsumedEvents {

  private static final Logger log = LoggerFactory.getLogger(ConsumedEvents.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  /**
   * Keys applied side by side within a poll: enough to overlap the database's round trips, few
   * enough not to queue on the driver's connection pool.
   */
  private static final int KEYS_AT_ONCE = 16;

  private final EventReader reader;
  private final MeterRegistry meters;

  public ConsumedEvents(EventReader reader, MeterRegistry meters) {
    this.reader = reader;
    this.meters = meters;
  }

  /**
   * @param poll the records of one poll as the binder's batch mode presents them: the payloads, and
   *     the keys ({@link KafkaHeaders#RECEIVED_KEY}) and each record's headers
   *     ({@link KafkaHeaders#BATCH_CONVERTED_HEADERS}) as lists in the same order
   * @param handler applies the event; emits true when it changed something, false when it was a
   *     duplicate, stale, or of no interest to this consumer
   * @throws BatchListenerFailedException naming the first record that failed
   */
  public void handle(Message<List<byte[]>> poll, Function<IncomingEvent, Mono<Boolean>> handler) {
    handle(poll, events -> Mono.empty(), handler);
  }

  /**
   * As {@link #handle(Message, Function)}, with what the poll's events start from read before any
   * of them is applied ({@link ReadAhead}).
   *
   * @param readAhead reads, for the poll's events (those that read as events of known types), what
   *     their handling would otherwise read one event at a time. Should it fail, each event reads
   *     for itself, as without it: a failure that lasts fails the events then, one by one, each with
   *     its own retries
   */
  public void handle(Message<List<byte[]>> poll, Function<List<Event>, Mono<Void>> readAhead,
      Function<IncomingEvent, Mono<Boolean>> handler) {
    List<byte[]> payloads = poll.getPayload();
    List<?> keys = poll.getHeaders().get(KafkaHeaders.RECEIVED_KEY, List.class);
    List<?> headers = poll.getHeaders().get(KafkaHeaders.BATCH_CONVERTED_HEADERS, List.class);
    RuntimeException[] failures = new RuntimeException[payloads.size()];
    List<Optional<IncomingEvent>> events = new ArrayList<>(payloads.size());
    Map<String, List<Integer>> byKey = new LinkedHashMap<>();
    for (int i = 0; i < payloads.size(); i++) {
      byKey.computeIfAbsent(EventReader.text(keys == null ? null : keys.get(i)), key -> new ArrayList<>()).add(i);
      try {
        events.add(reader.read(payloads.get(i), headersOf(headers, i)));
      } catch (RuntimeException e) {
        events.add(Optional.empty());
        failures[i] = e;
      }
    }
    ReadAhead ahead = new ReadAhead();
    List<Event> known = events.stream().flatMap(Optional::stream).map(IncomingEvent::event).toList();
    if (!known.isEmpty()) {
      readAhead.apply(known).contextWrite(ahead.inContext())
          .onErrorResume(RuntimeException.class, e -> {
            log.debug("reading ahead for a poll failed, its events read for themselves: {}", e.toString());
            return Mono.empty();
          })
          .block(TIMEOUT);
    }
    Flux.fromIterable(byKey.values())
        .flatMap(records -> Flux.fromIterable(records)
            .concatMap(i -> apply(events.get(i), failures[i], typeOf(headersOf(headers, i)), handler)
                .onErrorResume(RuntimeException.class, e -> {
                  failures[i] = e;
                  return Mono.empty();
                })
                .thenReturn(i))
            .takeUntil(i -> failures[i] != null), KEYS_AT_ONCE)
        .contextWrite(ahead.inContext())
        .blockLast();
    for (int i = 0; i < failures.length; i++) {
      if (failures[i] != null) {
        throw new BatchListenerFailedException("record " + i + " of the poll failed: " + failures[i].getMessage(),
            failures[i], i);
      }
    }
  }

  /** One record: the event it read as (none for a type this version does not know), or why it did not read. */
  private Mono<Void> apply(Optional<IncomingEvent> event, RuntimeException unread, String type,
      Function<IncomingEvent, Mono<Boolean>> handler) {
    return Mono.defer(() -> {
      if (unread != null) {
        return Mono.error(unread);
      }
      return event.isEmpty() ? Mono.just(false)
          : handler.apply(event.get()).timeout(TIMEOUT).defaultIfEmpty(false);
    }).doOnNext(applied -> count(type, applied ? "applied" : "ignored"))
        .doOnError(e -> count(type, "failed"))
        .then();
  }

  /** Counts a message sent to the dead-letter topic of {@code group}. */
  public void deadLettered(String group) {
    Counter.builder("shanhai.events.dead.lettered").description("Messages sent to a dead-letter topic, by consumer group")
        .tag("group", group).register(meters).increment();
  }

  private void count(String type, String outcome) {
    Counter.builder("shanhai.events.consumed").description("Events consumed, by type and outcome")
        .tag("type", type).tag("outcome", outcome).register(meters).increment();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> headersOf(List<?> headers, int index) {
    return headers == null ? Map.of() : (Map<String, Object>) headers.get(index);
  }

  /** The type label: the {@code ce_type} header, or "unknown" for a message without one. */
  private static String typeOf(Map<String, Object> headers) {
    String type = EventReader.text(headers.get("ce_type"));
    return type == null ? "unknown" : type;
  }
}
