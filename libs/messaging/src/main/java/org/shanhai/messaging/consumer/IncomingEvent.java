package org.shanhai.messaging.consumer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;

/**
 * A CloudEvent as it arrives through the Spring Cloud Stream Kafka binder: the binary-mode
 * {@code ce_*} headers of the CloudEvents Kafka binding, and the JSON data as the payload. An event
 * without the attributes a consumer relies on is poison: {@link #from} throws, the binder retries
 * and then dead-letters it.
 */
public record IncomingEvent(String id, String type, String subject, long sequence, Instant time, String data) {

  public static IncomingEvent from(Message<byte[]> message) {
    MessageHeaders headers = message.getHeaders();
    String sequence = header(headers, "ce_sequence");
    try {
      return new IncomingEvent(required(headers, "ce_id"), required(headers, "ce_type"),
          required(headers, "ce_subject"), Long.parseLong(sequence == null ? "" : sequence),
          time(header(headers, "ce_time")), new String(message.getPayload(), StandardCharsets.UTF_8));
    } catch (NumberFormatException e) {
      throw new PoisonEvent("ce_sequence is not a number: " + sequence);
    }
  }

  /** {@code ce_time} is optional in CloudEvents; consumers that measure latency fall back to their own clock. */
  private static Instant time(String value) {
    try {
      return value == null ? null : OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      throw new PoisonEvent("ce_time is not an RFC 3339 timestamp: " + value);
    }
  }

  private static String required(MessageHeaders headers, String name) {
    String value = header(headers, name);
    if (value == null || value.isBlank()) {
      throw new PoisonEvent("the event has no " + name + " header");
    }
    return value;
  }

  /** The binder hands Kafka header values over as raw bytes or, once mapped, as strings. */
  private static String header(MessageHeaders headers, String name) {
    Object value = headers.get(name);
    return value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
        : value == null ? null : value.toString();
  }

  /** An event no retry can make acceptable. */
  public static final class PoisonEvent extends RuntimeException {
    public PoisonEvent(String message) {
      super(message);
    }
  }
}
