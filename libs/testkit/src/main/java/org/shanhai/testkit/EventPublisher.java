package org.shanhai.testkit;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.CloudEventSerializer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes events to the real broker the way a producing service's relay does (CloudEvents
 * binary mode, {@code ce_sequence}), so a consumer can be tested without its producer running; and
 * raw records, to test what a consumer does with poison.
 */
public final class EventPublisher implements AutoCloseable {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final KafkaProducer<String, CloudEvent> events;
  private final KafkaProducer<String, byte[]> raw;

  public EventPublisher() {
    Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.bootstrapServers(),
        ProducerConfig.ACKS_CONFIG, "all");
    events = new KafkaProducer<>(config, new StringSerializer(), new CloudEventSerializer());
    raw = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
  }

  /** Publishes {@code data} as a CloudEvent and returns its id. */
  public String publish(String topic, String key, String type, String subject, long sequence, Object data) {
    String id = UUID.randomUUID().toString();
    CloudEvent event = CloudEventBuilder.v1().withId(id).withSource(URI.create("/test")).withType(type)
        .withSubject(subject).withTime(OffsetDateTime.now(ZoneOffset.UTC)).withDataContentType("application/json")
        .withData(JSON.writeValueAsString(data).getBytes(StandardCharsets.UTF_8))
        .withExtension("sequence", Long.toString(sequence)).build();
    send(events, new ProducerRecord<>(topic, key, event));
    return id;
  }

  /** Publishes a record with no CloudEvents headers at all. */
  public void publishRaw(String topic, String key, String body) {
    send(raw, new ProducerRecord<>(topic, key, body.getBytes(StandardCharsets.UTF_8)));
  }

  private static <V> void send(KafkaProducer<String, V> producer, ProducerRecord<String, V> record) {
    try {
      producer.send(record).get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("cannot publish to " + record.topic(), e);
    }
  }

  @Override
  public void close() {
    events.close();
    raw.close();
  }
}
