package org.shanhai.messaging.deadletter;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.cloud.stream.binder.kafka.KafkaMessageChannelBinder;

/**
 * The dead letters of a dead-letter topic, and their replay onto the topic each came from.
 *
 * <p>A dead letter ({@link FailedRecords}) keeps the original key, body and CloudEvents headers and
 * adds the binder's headers ({@code x-original-topic}, {@code x-exception-message}, ...). A replay
 * sends the original record again (key, body, every header but the binder's) to its original topic,
 * where it keeps its partition because the key is the same. Every consumer group of that topic receives it;
 * the consumers are idempotent (event id and per-aggregate sequence), so groups that had applied it
 * drop it. A replay takes only the letters present when it starts, so a message that fails again is
 * dead-lettered again but not replayed in a loop, and it records how far it got in the consumer group
 * {@value #REPLAY_GROUP}, so each letter is replayed once. Two replays at the same moment may both
 * send a letter, which the consumers' idempotence absorbs.
 */
public final class DeadLetters {

  static final String REPLAY_GROUP = "shanhai-dead-letter-replay";
  /** The binder's own headers on a dead letter (x-original-topic, x-exception-message, ...), not sent back. */
  private static final List<String> BINDER_HEADERS = List.of("x-original-", "x-exception-");
  /**
   * How long reading a topic to its end may take in all, so that /actuator/deadletters answers 503
   * well within a client's patience rather than after each step's own 30 s or 60 s.
   */
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(15);
  /** A request the broker leaves unanswered is sent again after this, not after the client's default 30 s. */
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

  private final Map<String, Object> kafka;
  private final Duration readTimeout;

  /** {@code kafka}: the client settings (bootstrap servers, security) of the service's Kafka, e.g. its admin properties. */
  public DeadLetters(Map<String, Object> kafka) {
    this(kafka, READ_TIMEOUT);
  }

  DeadLetters(Map<String, Object> kafka, Duration readTimeout) {
    this.kafka = Map.copyOf(kafka);
    this.readTimeout = readTimeout;
  }

  /** One dead letter: where it is, what it was and why it failed. */
  public record DeadLetter(int partition, long offset, String key, String eventId, String eventType,
      String originalTopic, Integer originalPartition, Long originalOffset, String error,
      Instant deadLetteredAt, boolean replayed) {
  }

  /** What a replay did: how many letters it sent back, to which topics. */
  public record Replay(String topic, int replayed, Map<String, Integer> toTopics) {
  }

  /**
   * Every letter the topic holds, oldest first per partition, each marked whether a replay has sent it back.
   *
   * @throws org.apache.kafka.common.errors.TimeoutException if Kafka does not let the topic be read to its end in time
   */
  public List<DeadLetter> list(String topic) {
    try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
      Pending pending = Pending.read(consumer, topic, readTimeout);
      return pending.all.stream().map(r -> describe(r, r.offset() < pending.replayedUpTo(r))).toList();
    }
  }

  /** Sends every letter not replayed before back to its original topic; fails, replaying nothing, if one cannot say where it came from. */
  public Replay replay(String topic) {
    try (KafkaConsumer<byte[], byte[]> consumer = consumer(); KafkaProducer<byte[], byte[]> producer = producer()) {
      Pending pending = Pending.read(consumer, topic, readTimeout);
      List<ConsumerRecord<byte[], byte[]>> letters = pending.all.stream()
          .filter(r -> r.offset() >= pending.replayedUpTo(r)).toList();
      for (ConsumerRecord<byte[], byte[]> letter : letters) {
        if (text(letter, KafkaMessageChannelBinder.X_ORIGINAL_TOPIC) == null) {
          throw new IllegalStateException("the dead letter at " + topic + "/" + letter.partition() + "@" + letter.offset()
              + " has no " + KafkaMessageChannelBinder.X_ORIGINAL_TOPIC + " header: nothing was replayed");
        }
      }
      List<Future<RecordMetadata>> sent = new ArrayList<>();
      Map<String, Integer> toTopics = new HashMap<>();
      for (ConsumerRecord<byte[], byte[]> letter : letters) {
        String original = text(letter, KafkaMessageChannelBinder.X_ORIGINAL_TOPIC);
        RecordHeaders headers = new RecordHeaders();
        for (Header header : letter.headers()) {
          if (BINDER_HEADERS.stream().noneMatch(header.key()::startsWith)) {
            headers.add(header);
          }
        }
        sent.add(producer.send(new ProducerRecord<>(original, null, letter.key(), letter.value(), headers)));
        toTopics.merge(original, 1, Integer::sum);
      }
      producer.flush();
      for (Future<RecordMetadata> future : sent) {
        future.get();
      }
      // Only now, with every letter acknowledged by the broker, is the replay recorded.
      consumer.commitSync(pending.ends());
      return new Replay(topic, letters.size(), toTopics);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("replay of " + topic + " interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("replay of " + topic + " failed; nothing was recorded as replayed: " + e.getCause().getMessage(), e);
    }
  }

  /** The letters of a topic up to its end when read, and how far earlier replays got in each partition. */
  private record Pending(List<ConsumerRecord<byte[], byte[]>> all, Map<TopicPartition, Long> endOffsets,
      Map<TopicPartition, Long> replayed) {

    /** Reads every step (metadata, offsets, records) against one deadline, {@code timeout} from now. */
    static Pending read(KafkaConsumer<byte[], byte[]> consumer, String topic, Duration timeout) {
      long deadline = System.nanoTime() + timeout.toNanos();
      List<TopicPartition> partitions = consumer.partitionsFor(topic, left(deadline, topic)).stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
      if (partitions.isEmpty()) {
        throw new IllegalArgumentException("there is no topic " + topic);
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, left(deadline, topic));
      Map<TopicPartition, Long> replayed = new HashMap<>();
      consumer.committed(Set.copyOf(partitions), left(deadline, topic))
          .forEach((partition, committed) -> replayed.put(partition, committed == null ? 0L : committed.offset()));
      List<ConsumerRecord<byte[], byte[]>> all = new ArrayList<>();
      while (partitions.stream().anyMatch(p -> consumer.position(p, left(deadline, topic)) < ends.get(p))) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))) {
            all.add(record);
          }
        }
      }
      return new Pending(all, ends, replayed);
    }

    /** What is left until the deadline; past it, Kafka has not answered in time (a KafkaException, so a 503). */
    private static Duration left(long deadline, String topic) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new TimeoutException("Kafka did not let " + topic + " be read to its end in time");
      }
      return Duration.ofNanos(left);
    }

    long replayedUpTo(ConsumerRecord<?, ?> record) {
      return replayed.getOrDefault(new TopicPartition(record.topic(), record.partition()), 0L);
    }

    Map<TopicPartition, OffsetAndMetadata> ends() {
      Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
      endOffsets.forEach((partition, end) -> offsets.put(partition, new OffsetAndMetadata(end)));
      return offsets;
    }
  }

  private static DeadLetter describe(ConsumerRecord<byte[], byte[]> r, boolean replayed) {
    Header partition = r.headers().lastHeader(KafkaMessageChannelBinder.X_ORIGINAL_PARTITION);
    Header offset = r.headers().lastHeader(KafkaMessageChannelBinder.X_ORIGINAL_OFFSET);
    return new DeadLetter(r.partition(), r.offset(), r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8),
        text(r, "ce_id"), text(r, "ce_type"), text(r, KafkaMessageChannelBinder.X_ORIGINAL_TOPIC),
        partition == null || partition.value().length != Integer.BYTES ? null : ByteBuffer.wrap(partition.value()).getInt(),
        offset == null || offset.value().length != Long.BYTES ? null : ByteBuffer.wrap(offset.value()).getLong(),
        text(r, KafkaMessageChannelBinder.X_EXCEPTION_MESSAGE),
        Instant.ofEpochMilli(r.timestamp()), replayed);
  }

  private static String text(ConsumerRecord<?, ?> record, String header) {
    Header h = record.headers().lastHeader(header);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  private KafkaConsumer<byte[], byte[]> consumer() {
    Map<String, Object> config = new HashMap<>(kafka);
    config.remove(ConsumerConfig.CLIENT_ID_CONFIG);
    config.put(ConsumerConfig.GROUP_ID_CONFIG, REPLAY_GROUP);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) REQUEST_TIMEOUT.toMillis());
    return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  private KafkaProducer<byte[], byte[]> producer() {
    Map<String, Object> config = new HashMap<>(kafka);
    config.remove(ProducerConfig.CLIENT_ID_CONFIG);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
  }
}
