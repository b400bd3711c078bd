package org.shanhai.testkit;

import java.nio.charset.StandardCharsets;

import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

/**
 * A CloudEvent as the Spring Cloud Stream Kafka binder hands it to a consumer (binary mode:
 * {@code ce_*} headers as raw bytes, the JSON data as the payload), so a consumer's reading and
 * projection of an event are tested without a broker.
 */
public final class CloudEventMessages {

  private CloudEventMessages() {
  }

  public static Message<byte[]> of(String type, String subject, long sequence, String data) {
    return MessageBuilder.withPayload(data.getBytes(StandardCharsets.UTF_8))
        .setHeader("ce_id", bytes("sample-" + type + "-" + sequence))
        .setHeader("ce_type", bytes(type))
        .setHeader("ce_source", bytes("/test"))
        .setHeader("ce_subject", bytes(subject))
        .setHeader("ce_sequence", bytes(Long.toString(sequence)))
        .setHeader("ce_time", bytes("2021-07-01T02:30:00Z"))
        .build();
  }

  private static byte[] bytes(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }
}
