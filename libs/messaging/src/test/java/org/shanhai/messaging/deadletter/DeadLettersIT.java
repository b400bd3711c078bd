package org.shanhai.messaging.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.shanhai.testkit.RealInfrastructure;
import org.shanhai.testkit.TopicReader;
import org.springframework.cloud.stream.binder.kafka.KafkaMessageChannelBinder;

/**
 * Listing and replaying a dead-letter topic over the real broker, with letters shaped as
 * {@link FailedRecords} writes them (the services' tests replay letters their consumers dead-lettered).
 */
@ExtendWith(RealInfrastructure.class)
class DeadLettersIT {

  private final String original = "dead-letters-test-" + UUID.randomUUID();
  private final String dlq = original + ".group.dlq";
  private final DeadLetters deadLetters = new DeadLetters(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.bootstrapServers()));

  @Test
  void replaysEachLetterOnceToItsTopicWithItsKeyBodyAndEventHeadersButNotTheBinders() throws Exception {
    createTopics(3);
    deadLetter("project-1", "{\"a\":1}", "event-1", 0, 41);
    deadLetter("project-2", "{\"b\":2}", "event-2", 2, 7);

    List<DeadLetters.DeadLetter> before = deadLetters.list(dlq);
    assertThat(before).hasSize(2).allSatisfy(letter -> {
      assertThat(letter.replayed()).isFalse();
      assertThat(letter.originalTopic()).isEqualTo(original);
      assertThat(letter.error()).isEqualTo("it broke");
    });
    assertThat(before).extracting(DeadLetters.DeadLetter::eventId).containsExactlyInAnyOrder("event-1", "event-2");
    assertThat(before).filteredOn(l -> "event-1".equals(l.eventId())).singleElement()
        .satisfies(l -> assertThat(l.originalOffset()).isEqualTo(41L)).satisfies(l -> assertThat(l.partition()).isZero());

    DeadLetters.Replay replay = deadLetters.replay(dlq);

    assertThat(replay.replayed()).isEqualTo(2);
    assertThat(replay.toTopics()).containsExactly(Map.entry(original, 2));
    try (TopicReader reader = new TopicReader(original)) {
      List<TopicReader.Received> received = reader.awaitUntil(all -> all.size() >= 2, Duration.ofSeconds(30));
      assertThat(received).extracting(TopicReader.Received::key).containsExactlyInAnyOrder("project-1", "project-2");
      TopicReader.Received first = received.stream().filter(r -> r.key().equals("project-1")).findFirst().orElseThrow();
      assertThat(first.body()).isEqualTo("{\"a\":1}");
      assertThat(first.headers()).containsEntry("ce_id", "event-1").containsEntry("ce_type", "test.thing.v1")
          .noneSatisfy((name, value) -> assertThat(name).startsWith("x-"));
      // The same key goes to the same partition: the project's order across topics holds.
      TopicReader.Received second = received.stream().filter(r -> r.key().equals("project-2")).findFirst().orElseThrow();
      assertThat(List.of(first.partition(), second.partition())).isEqualTo(List.of(
          partitionOf("project-1", 3), partitionOf("project-2", 3)));

      assertThat(deadLetters.replay(dlq).replayed()).as("a second replay sends nothing again").isZero();
      assertThat(reader.drainFor(Duration.ofSeconds(1))).hasSize(2);
    }
    assertThat(deadLetters.list(dlq)).hasSize(2).allSatisfy(letter -> assertThat(letter.replayed()).isTrue());

    deadLetter("project-3", "{\"c\":3}", "event-3", 1, 3);
    assertThat(deadLetters.replay(dlq).replayed()).as("a letter that arrives later is replayed by the next replay").isEqualTo(1);
  }

  @Test
  void replaysNothingWhenALetterDoesNotSayWhereItCameFrom() throws Exception {
    createTopics(1);
    deadLetter("project-1", "{}", "event-1", 0, 1);
    try (KafkaProducer<String, String> producer = producer()) {
      producer.send(new ProducerRecord<>(dlq, "project-2", "{}")).get();
    }

    assertThatThrownBy(() -> deadLetters.replay(dlq)).hasMessageContaining("has no x-original-topic header");

    assertThat(deadLetters.list(dlq)).noneSatisfy(letter -> assertThat(letter.replayed()).isTrue());
    try (TopicReader reader = new TopicReader(original)) {
      assertThat(reader.drainFor(Duration.ofSeconds(1))).isEmpty();
    }
  }

  @Test
  void refusesATopicThatDoesNotExist() {
    assertThatThrownBy(() -> deadLetters.list("no-such-topic-" + UUID.randomUUID())).hasMessageContaining("there is no topic");
  }

  @Test
  void givesUpWithinItsTimeWhenKafkaDoesNotAnswer() throws Exception {
    // A port that takes connections and never answers: a broker that hangs, not one that is down.
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      String address = "127.0.0.1:" + silent.getLocalPort();
      DeadLetters unanswered = new DeadLetters(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, address),
          Duration.ofSeconds(2));
      long started = System.nanoTime();

      assertThatThrownBy(() -> unanswered.list(dlq)).as("a KafkaException, which the endpoint answers with 503")
          .isInstanceOf(KafkaException.class);
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }
  }

  private void createTopics(int partitions) throws Exception {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.bootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic(original, partitions, (short) 1), new NewTopic(dlq, partitions, (short) 1))).all().get();
    }
  }

  /** A dead letter as the binder writes it: the original record plus its x-original-* and x-exception-* headers, on the original partition. */
  private void deadLetter(String key, String body, String eventId, int partition, long offset) throws Exception {
    RecordHeaders headers = new RecordHeaders();
    headers.add("ce_id", bytes(eventId));
    headers.add("ce_type", bytes("test.thing.v1"));
    headers.add(KafkaMessageChannelBinder.X_ORIGINAL_TOPIC, bytes(original));
    headers.add(KafkaMessageChannelBinder.X_ORIGINAL_PARTITION, ByteBuffer.allocate(Integer.BYTES).putInt(partition).array());
    headers.add(KafkaMessageChannelBinder.X_ORIGINAL_OFFSET, ByteBuffer.allocate(Long.BYTES).putLong(offset).array());
    headers.add(KafkaMessageChannelBinder.X_EXCEPTION_MESSAGE, bytes("it broke"));
    try (KafkaProducer<String, String> producer = producer()) {
      producer.send(new ProducerRecord<>(dlq, partition, key, body, headers)).get();
    }
  }

  private static int partitionOf(String key, int partitions) {
    return org.apache.kafka.common.utils.Utils.toPositive(org.apache.kafka.common.utils.Utils.murmur2(bytes(key))) % partitions;
  }

  private static KafkaProducer<String, String> producer() {
    return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.bootstrapServers()),
        new StringSerializer(), new StringSerializer());
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
