package org.shanhai.messaging.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.shanhai.events.projects.ProgressReported;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import reactor.core.publisher.Mono;

/** A poll's records: a key's in order, keys side by side, and the first failed record named to the error handler. */
class ConsumedEventsTest {

  private static final String DATA = """
      {"projectId":"%s","sequence":%d,"updateId":"u%d","pairingId":"pairing-changshan-cixi",
       "mountainCounty":"330822","partnerCounty":"330282","kind":"INDUSTRIAL_ENCLAVE","reportDate":"2021-06-30",
       "status":"UNDER_CONSTRUCTION","plannedInvestment":"93000000.00","cumulativeInvestment":"30000000.00",
       "fundsInPlace":null,"jobsCreated":null,"note":null,"warnings":[],"submittedBy":"officer.changshan",
       "submittedAt":"2021-07-01T02:30:00Z"}""";

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final ConsumedEvents consumed = new ConsumedEvents(new EventReader(), meters);
  private final List<String> handled = Collections.synchronizedList(new ArrayList<>());

  @Test
  void appliesAKeysRecordsInTheirOrderAndDifferentKeysSideBySide() {
    CompletableFuture<Void> bStarted = new CompletableFuture<>();
    consumed.handle(poll(record("a", 1), record("a", 2), record("b", 1), record("a", 3), record("b", 2)), event -> {
      handled.add(event.subject() + event.sequence());
      if (event.subject().equals("b") && event.sequence() == 1) {
        bStarted.complete(null);
      }
      // a1 waits for b1 to start: it can only finish when the keys are applied side by side.
      return event.subject().equals("a") && event.sequence() == 1
          ? Mono.fromFuture(bStarted).timeout(Duration.ofSeconds(10)).thenReturn(true) : Mono.just(true);
    });

    assertThat(handled).containsExactlyInAnyOrder("a1", "a2", "a3", "b1", "b2");
    assertThat(handled.stream().filter(h -> h.startsWith("a"))).containsExactly("a1", "a2", "a3");
    assertThat(handled.stream().filter(h -> h.startsWith("b"))).containsExactly("b1", "b2");
    assertThat(count("applied")).isEqualTo(5);
  }

  @Test
  void leavesAKeysRecordsAfterAFailureUntriedAndNamesTheFirstFailedRecordOfThePoll() {
    Function<IncomingEvent, Mono<Boolean>> handler = event -> {
      handled.add(event.subject() + event.sequence());
      return event.sequence() == 2 ? Mono.error(new IllegalStateException("the database is away"))
          : Mono.just(true);
    };

    assertThatThrownBy(() -> consumed.handle(poll(record("a", 1), record("b", 1), record("a", 2), record("a", 3),
        record("b", 2), record("c", 1)), handler))
        .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> assertThat(e.getIndex()).isEqualTo(2))
        .hasMessageContaining("the database is away").cause().isInstanceOf(IllegalStateException.class);

    assertThat(handled).containsExactlyInAnyOrder("a1", "b1", "a2", "b2", "c1");
    assertThat(count("applied")).isEqualTo(3);
    assertThat(count("failed")).isEqualTo(2);
  }

  @Test
  void aRecordThatDoesNotReadFailsAsPoisonAndTheOthersAreApplied() {
    Message<List<byte[]>> poll = MessageBuilder.withPayload(List.of(
            data("a", 1), "not a CloudEvent".getBytes(StandardCharsets.UTF_8), data("b", 1)))
        .setHeader(KafkaHeaders.RECEIVED_KEY, List.of("a".getBytes(StandardCharsets.UTF_8),
            "poison".getBytes(StandardCharsets.UTF_8), "b".getBytes(StandardCharsets.UTF_8)))
        .setHeader(KafkaHeaders.BATCH_CONVERTED_HEADERS, List.of(headers("a", 1), Map.of(), headers("b", 1)))
        .build();

    assertThatThrownBy(() -> consumed.handle(poll, event -> {
      handled.add(event.subject() + event.sequence());
      return Mono.just(true);
    })).isInstanceOfSatisfying(BatchListenerFailedException.class, e -> assertThat(e.getIndex()).isEqualTo(1))
        .cause().isInstanceOf(PoisonEvent.class).hasMessageContaining("ce_id");

    assertThat(handled).containsExactlyInAnyOrder("a1", "b1");
    assertThat(meters.counter("shanhai.events.consumed", "type", "unknown", "outcome", "failed").count()).isEqualTo(1);
  }

  @Test
  void anEventOfATypeThisVersionDoesNotKnowIsIgnored() {
    Map<String, Object> unknown = Map.of("ce_id", "e9", "ce_type", "shanhai.project.renamed.v2", "ce_subject", "a",
        "ce_sequence", "1");
    consumed.handle(MessageBuilder.withPayload(List.of("{}".getBytes(StandardCharsets.UTF_8)))
        .setHeader(KafkaHeaders.RECEIVED_KEY, List.of("a"))
        .setHeader(KafkaHeaders.BATCH_CONVERTED_HEADERS, List.of(unknown))
        .build(), event -> Mono.error(new AssertionError("not handed over")));

    assertThat(meters.counter("shanhai.events.consumed", "type", "shanhai.project.renamed.v2", "outcome", "ignored")
        .count()).isEqualTo(1);
  }

  @Test
  void readsAheadForAllThePollsEventsBeforeApplyingAnyAndGivesEachTheSameReadAhead() {
    List<String> readFor = new ArrayList<>();
    List<ReadAhead> seen = Collections.synchronizedList(new ArrayList<>());
    consumed.handle(poll(record("a", 1), record("b", 1), record("a", 2)), events -> ReadAhead.current()
        .doOnNext(ahead -> {
          assertThat(handled).as("nothing applied before the read-ahead").isEmpty();
          events.forEach(e -> readFor.add(e.aggregateId() + e.sequence()));
          seen.add(ahead.orElseThrow());
        }).then(), event -> ReadAhead.current().map(ahead -> {
          seen.add(ahead.orElseThrow());
          handled.add(event.subject() + event.sequence());
          return true;
        }));

    assertThat(readFor).containsExactly("a1", "b1", "a2");
    assertThat(handled).containsExactlyInAnyOrder("a1", "b1", "a2");
    assertThat(seen).hasSize(4).allSatisfy(ahead -> assertThat(ahead).isSameAs(seen.get(0)));
  }

  @Test
  void aReadAheadThatFailsLeavesEachEventToReadForItself() {
    consumed.handle(poll(record("a", 1), record("b", 1)),
        events -> Mono.error(new IllegalStateException("the database is away for a moment")), event -> {
          handled.add(event.subject() + event.sequence());
          return Mono.just(true);
        });

    assertThat(handled).containsExactlyInAnyOrder("a1", "b1");
    assertThat(count("applied")).isEqualTo(2);
  }

  private double count(String outcome) {
    return meters.counter("shanhai.events.consumed", "type", ProgressReported.TYPE, "outcome", outcome).count();
  }

  private record Record(String key, long sequence) {
  }

  private static Record record(String key, long sequence) {
    return new Record(key, sequence);
  }

  /** A poll as the binder's batch mode hands it over: payloads, with keys and headers as lists in the same order. */
  private static Message<List<byte[]>> poll(Record... records) {
    List<Record> all = List.of(records);
    return MessageBuilder.withPayload(all.stream().map(r -> data(r.key(), r.sequence())).toList())
        .setHeader(KafkaHeaders.RECEIVED_KEY, all.stream().map(r -> r.key().getBytes(StandardCharsets.UTF_8)).toList())
        .setHeader(KafkaHeaders.BATCH_CONVERTED_HEADERS, all.stream().map(r -> headers(r.key(), r.sequence())).toList())
        .build();
  }

  private static byte[] data(String project, long sequence) {
    return DATA.formatted(project, sequence, sequence).getBytes(StandardCharsets.UTF_8);
  }

  private static Map<String, Object> headers(String project, long sequence) {
    return Map.of("ce_id", project + "-" + sequence, "ce_type", ProgressReported.TYPE.getBytes(StandardCharsets.UTF_8),
        "ce_subject", project.getBytes(StandardCharsets.UTF_8), "ce_sequence", Long.toString(sequence),
        "ce_time", "2021-07-01T02:30:05Z");
  }
}
