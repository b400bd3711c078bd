package org.shanhai.messaging.outbox;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import org.bson.Document;

/**
 * One event waiting in its aggregate's document to be published: everything the relay needs to
 * build the CloudEvent and the Kafka record, with {@code data} already serialised to JSON so the
 * relay publishes exactly the bytes that were committed with the state change.
 */
public record OutboxEntry(
    String id,
    String topic,
    String key,
    String type,
    String source,
    String subject,
    long sequence,
    Instant time,
    String data) {

  Document toDocument() {
    return new Document("id", id)
        .append("topic", topic)
        .append("key", key)
        .append("type", type)
        .append("source", source)
        .append("subject", subject)
        .append("sequence", sequence)
        .append("time", Date.from(time))
        .append("data", data);
  }

  static OutboxEntry fromDocument(Document d) {
    return new OutboxEntry(
        d.getString("id"),
        d.getString("topic"),
        d.getString("key"),
        d.getString("type"),
        d.getString("source"),
        d.getString("subject"),
        ((Number) d.get("sequence")).longValue(),
        d.getDate("time").toInstant(),
        d.getString("data"));
  }

  /** The CloudEvent the relay publishes: binary mode, JSON data, the aggregate's sequence and the record key as extensions. */
  CloudEvent toCloudEvent() {
    return CloudEventBuilder.v1()
        .withId(id)
        .withSource(URI.create(source))
        .withType(type)
        .withSubject(subject)
        .withTime(time.atOffset(ZoneOffset.UTC))
        .withDataContentType("application/json")
        .withData(data.getBytes(StandardCharsets.UTF_8))
        .withExtension("sequence", Long.toString(sequence))
        .withExtension("partitionkey", key)
        .build();
  }
}
