package org.shanhai.messaging.consumer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

import org.shanhai.events.Event;
import org.shanhai.events.EventTypes;
import org.springframework.messaging.Message;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one way a consumer reads an event: the binary-mode {@code ce_*} headers of the CloudEvents
 * Kafka binding, and the JSON data as the {@code libs/events} record of its type. Lenient as the
 * contract requires: fields this version does not know are ignored (events evolve additively), and
 * a type it does not know is no event for it (empty), to be counted and passed over. Strict where it
 * must be: an event without the attributes consumers rely on, whose data does not read as its
 * record, or whose data names another aggregate or sequence than its headers is a {@link PoisonEvent}.
 */
public final class EventReader {

  private final JsonMapper json = JsonMapper.builder()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  /** The event, or empty when its type is not one of {@link EventTypes}. */
  public Optional<IncomingEvent> read(Message<byte[]> message) {
    return read(message.getPayload(), message.getHeaders());
  }

  /** As {@link #read(Message)}, from a record's payload and headers. */
  public Optional<IncomingEvent> read(byte[] payload, Map<String, Object> headers) {
    String id = required(headers, "ce_id");
    String type = required(headers, "ce_type");
    Optional<Class<? extends Event>> record = EventTypes.recordOf(type);
    if (record.isEmpty()) {
      return Optional.empty();
    }
    String subject = required(headers, "ce_subject");
    long sequence = sequence(header(headers, "ce_sequence"));
    String data = new String(payload, StandardCharsets.UTF_8);
    Event event;
    try {
      event = json.readValue(data, record.get());
      if (!subject.equals(event.aggregateId()) || sequence != event.sequence()) {
        throw new PoisonEvent(type + " " + id + " is about " + event.aggregateId() + " at " + event.sequence()
            + " but its headers say " + subject + " at " + sequence);
      }
    } catch (PoisonEvent e) {
      throw e;
    } catch (RuntimeException e) {
      throw new PoisonEvent("the data of " + type + " " + id + " does not read as " + record.get().getSimpleName()
          + ": " + e.getMessage(), e);
    }
    return Optional.of(new IncomingEvent(id, type, subject, sequence, time(header(headers, "ce_time")), data, event));
  }

  private static long sequence(String value) {
    try {
      return Long.parseLong(value == null ? "" : value);
    } catch (NumberFormatException e) {
      throw new PoisonEvent("ce_sequence is not a number: " + value);
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

  private static String required(Map<String, Object> headers, String name) {
    String value = header(headers, name);
    if (value == null || value.isBlank()) {
      throw new PoisonEvent("the event has no " + name + " header");
    }
    return value;
  }

  private static String header(Map<String, Object> headers, String name) {
    return text(headers.get(name));
  }

  /** The binder hands Kafka keys and header values over as raw bytes or, once mapped, as strings. */
  static String text(Object value) {
    return value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
        : value == null ? null : value.toString();
  }
}
