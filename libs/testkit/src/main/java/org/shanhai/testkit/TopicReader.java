package org.shanhai.testkit;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Reads a topic of the real broker from its beginning, as any consumer would, so tests assert on
 * what was actually published (key, {@code ce_*} headers, body). Connects on first use, so a test
 * class can declare one as {@code @RegisterExtension static final TopicReader topic = new
 * TopicReader(…)}; it is closed after the class's tests.
 */
public final class TopicReader implements AutoCloseable, AfterAllCallback {

  private final String topic;
  private final List<Received> received = new ArrayList<>();
  private KafkaConsumer<String, String> consumer;

  public TopicReader(String topic) {
    this.topic = topic;
  }

  private KafkaConsumer<String, String> consumer() {
    if (consumer == null) {
      consumer = connect(topic);
    }
    return consumer;
  }

  private static KafkaConsumer<String, String> connect(String topic) {
    KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.bootstrapServers(),
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
        new StringDeserializer(), new StringDeserializer());
    // Assigned rather than subscribed: no group rebalance to wait for, so "everything so far" is exact at once.
    List<TopicPartition> partitions = new ArrayList<>();
    await().atMost(Duration.ofSeconds(30)).until(() -> {
      consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
      return !partitions.isEmpty();
    });
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    return consumer;
  }

  /** One record as received: key, body and the CloudEvents attributes from the {@code ce_} headers. */
  public record Received(String key, String body, Map<String, String> headers, int partition, long offset) {

    public String type() {
      return headers.get("ce_type");
    }

    public String ceId() {
      return headers.get("ce_id");
    }

    public long sequence() {
      return Long.parseLong(headers.get("ce_sequence"));
    }
  }

  /** Polls until {@code done} holds for everything received so far, or fails after {@code timeout}. */
  public List<Received> awaitUntil(Predicate<List<Received>> done, Duration timeout) {
    await().atMost(timeout).pollInterval(Duration.ofMillis(50)).until(() -> {
      poll();
      return done.test(List.copyOf(received));
    });
    return List.copyOf(received);
  }

  /** The records with {@code key}, once at least {@code count} of them have arrived. */
  public List<Received> awaitKey(String key, int count, Duration timeout) {
    return awaitUntil(all -> all.stream().filter(r -> key.equals(r.key())).count() >= count, timeout)
        .stream().filter(r -> key.equals(r.key())).toList();
  }

  /**
   * Everything the topic holds right now: reads until this reader has reached the end offset every
   * partition had when called. Exact, unlike a time window, however slow the first fetch is.
   */
  public List<Received> readToEnd() {
    KafkaConsumer<String, String> c = consumer();
    Map<TopicPartition, Long> ends = c.endOffsets(c.assignment());
    await().atMost(Duration.ofSeconds(30)).until(() -> {
      poll();
      return ends.entrySet().stream().allMatch(e -> c.position(e.getKey()) >= e.getValue());
    });
    return List.copyOf(received);
  }

  /** Everything received within {@code window}: for asserting that nothing (more) arrives. */
  public List<Received> drainFor(Duration window) {
    long end = System.nanoTime() + window.toNanos();
    while (System.nanoTime() < end) {
      poll();
    }
    return List.copyOf(received);
  }

  private void poll() {
    for (ConsumerRecord<String, String> r : consumer().poll(Duration.ofMillis(100))) {
      Map<String, String> headers = new LinkedHashMap<>();
      for (Header h : r.headers()) {
        headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8));
      }
      received.add(new Received(r.key(), r.value(), headers, r.partition(), r.offset()));
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    close();
  }

  @Override
  public void close() {
    if (consumer != null) {
      consumer.close(Duration.ofSeconds(2));
      consumer = null;
    }
  }
}
