package org.shanhai.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.shanhai.testkit.RealInfrastructure;
import org.shanhai.testkit.TopicReader;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The relay on its own, over the real broker and the real wire server, with no service around it. */
@ExtendWith(RealInfrastructure.class)
class OutboxRelayIT {

  private final String topic = "outbox-test-" + UUID.randomUUID();
  private final List<AutoCloseable> resources = new ArrayList<>();
  private MongoDatabase database;

  @BeforeEach
  void connect() {
    MongoClient client = MongoClients.create(RealInfrastructure.mongoUri());
    resources.add(client);
    database = client.getDatabase("outbox-" + UUID.randomUUID());
  }

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable resource : resources) {
      resource.close();
    }
  }

  @Test
  void publishesEveryEntryInSequenceOrderAndEmptiesTheOutbox() {
    insertAggregates(20, 3);
    OutboxRelay relay = relay();

    try (TopicReader reader = new TopicReader(topic)) {
      relay.start();
      List<TopicReader.Received> received = reader.awaitUntil(all -> all.size() >= 60, Duration.ofSeconds(30));

      Map<String, List<Long>> perKey = received.stream().collect(Collectors.groupingBy(TopicReader.Received::key,
          Collectors.mapping(TopicReader.Received::sequence, Collectors.toList())));
      assertThat(perKey).hasSize(20).allSatisfy((key, sequences) -> assertThat(sequences).containsExactly(1L, 2L, 3L));
      assertThat(received.get(0).headers()).containsKeys("ce_id", "ce_type", "ce_source", "ce_time", "ce_sequence");
    } finally {
      relay.stop();
    }
    assertThat(pendingDocuments()).isZero();
  }

  @Test
  void twoRelaysOnOneCollectionPublishEachEntryOnceAndInOrder() {
    insertAggregates(50, 4);
    OutboxRelay first = relay();
    OutboxRelay second = relay();

    try (TopicReader reader = new TopicReader(topic)) {
      first.start();
      second.start();
      List<TopicReader.Received> received = reader.awaitUntil(all -> all.size() >= 200, Duration.ofSeconds(60));
      received = reader.drainFor(Duration.ofSeconds(1));

      assertThat(received).extracting(TopicReader.Received::ceId).doesNotHaveDuplicates().hasSize(200);
      received.stream().collect(Collectors.groupingBy(TopicReader.Received::key,
              Collectors.mapping(TopicReader.Received::sequence, Collectors.toList())))
          .forEach((key, sequences) -> assertThat(sequences).as(key).containsExactly(1L, 2L, 3L, 4L));
    } finally {
      first.stop();
      second.stop();
    }
  }

  @Test
  void publishesANamedDocumentAtOnceWithoutWaitingForASweep() {
    // Sweeps an hour apart: the first, at the start, finds nothing; only the nudge can bring the entry out.
    OutboxRelay relay = relay(Duration.ofHours(1));

    try (TopicReader reader = new TopicReader(topic)) {
      relay.start();
      assertThat(reader.drainFor(Duration.ofMillis(300))).isEmpty();
      insertAggregates(1, 2);
      relay.nudge("aggregates", "aggregate-0");

      assertThat(reader.awaitUntil(all -> all.size() == 2, Duration.ofSeconds(10)))
          .extracting(TopicReader.Received::sequence).containsExactly(1L, 2L);
    } finally {
      relay.stop();
    }
    assertThat(pendingDocuments()).isZero();
  }

  @Test
  void sweepsForWhatNobodyNamedWhileNudgesKeepComing() {
    OutboxRelay relay = relay(Duration.ofMillis(500));

    try (TopicReader reader = new TopicReader(topic)) {
      relay.start();
      assertThat(reader.drainFor(Duration.ofMillis(300))).isEmpty();
      insertAggregates(2, 1);
      // Nudges for a document with nothing pending, more often than the poll interval: every pass is woken by
      // one and names it, yet what nobody named goes out with the sweep that comes every poll interval.
      List<TopicReader.Received> received = List.of();
      long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      while (received.size() < 2 && System.nanoTime() < until) {
        relay.nudge("aggregates", "nothing-pending");
        received = reader.drainFor(Duration.ofMillis(1));
      }
      assertThat(received).hasSize(2);
    } finally {
      relay.stop();
    }
  }

  @Test
  void leavesADocumentAloneWhileAnotherRelayHoldsItsLease() {
    insertAggregates(1, 1);
    Mono.from(database.getCollection("aggregates").updateMany(new Document(),
            new Document("$set", new Document(Outbox.LEASE,
                new Document("owner", "someone-else").append("until", Date.from(Instant.now().plusSeconds(3)))))))
        .block();
    OutboxRelay relay = relay();

    try (TopicReader reader = new TopicReader(topic)) {
      relay.start();
      assertThat(reader.drainFor(Duration.ofSeconds(1))).isEmpty();
      assertThat(reader.awaitUntil(all -> all.size() == 1, Duration.ofSeconds(10))).hasSize(1);
    } finally {
      relay.stop();
    }
  }

  @Test
  void reportsTheWholeBacklogNotOnlyWhatOnePassClaims() {
    insertAggregates(30, 2);
    // 20 of the 30 documents are leased by another instance; a pass takes at most 5 of the rest.
    Mono.from(database.getCollection("aggregates").updateMany(new Document("_id", new Document("$in",
            IntStream.range(0, 20).mapToObj(i -> "aggregate-" + i).toList())),
        new Document("$set", new Document(Outbox.LEASE,
            new Document("owner", "someone-else").append("until", Date.from(Instant.now().plusSeconds(60)))))))
        .block();
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    // A broker that is not there: nothing gets published, so the backlog stays as it is.
    OutboxRelay relay = relay(meters, Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1",
        ProducerConfig.MAX_BLOCK_MS_CONFIG, 200), 5, Duration.ofMillis(50));

    relay.publishPending(true);

    assertThat(meters.get("shanhai.outbox.backlog").gauge().value()).isEqualTo(60.0);
    assertThat(meters.get("shanhai.outbox.oldest.age").gauge().value()).isPositive();
  }

  private OutboxRelay relay() {
    return relay(Duration.ofMillis(50));
  }

  /** A relay on the test's broker that sweeps for pending entries every {@code pollInterval}. */
  private OutboxRelay relay(Duration pollInterval) {
    return relay(new SimpleMeterRegistry(), Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
        RealInfrastructure.bootstrapServers()), 200, pollInterval);
  }

  /** A relay whose producer has {@code settings} (the broker, and for a missing one a short wait) besides acks=all. */
  private OutboxRelay relay(SimpleMeterRegistry meters, Map<String, Object> settings, int batchSize,
      Duration pollInterval) {
    Map<String, Object> all = new HashMap<>(settings);
    all.put(ProducerConfig.ACKS_CONFIG, "all");
    all.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    KafkaProducer<String, CloudEvent> producer = new KafkaProducer<>(all, new StringSerializer(),
        new CloudEventSerializer());
    resources.add(producer);
    OutboxProperties properties = new OutboxProperties(List.of("aggregates"), pollInterval,
        Duration.ofSeconds(60), batchSize, Duration.ofSeconds(5));
    return new OutboxRelay(database, producer, properties, Clock.systemUTC(), meters);
  }

  private void insertAggregates(int count, int eventsEach) {
    List<Document> documents = IntStream.range(0, count).mapToObj(i -> {
      String id = "aggregate-" + i;
      // Stored out of order on purpose: the relay sends by sequence, not by array position.
      List<OutboxEntry> entries = IntStream.rangeClosed(1, eventsEach).map(n -> eventsEach + 1 - n)
          .mapToObj(n -> new OutboxEntry(UUID.randomUUID().toString(), topic, id, "test.happened.v1", "/test", id, n,
              Instant.now(), "{\"n\":" + n + "}"))
          .toList();
      return new Document("_id", id).append(Outbox.FIELD, Outbox.asDocuments(entries));
    }).toList();
    Mono.from(database.getCollection("aggregates").insertMany(documents)).block();
  }

  private long pendingDocuments() {
    return Flux.from(database.getCollection("aggregates").find(new Document(Outbox.FIELD + ".0",
        new Document("$exists", true)))).count().block();
  }
}
