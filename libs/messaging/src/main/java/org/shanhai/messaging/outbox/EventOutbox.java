package org.shanhai.messaging.outbox;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.shanhai.events.Event;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a service's events into the outbox entries stored with them: the service's topic and
 * source, the event's key, its aggregate as subject, its sequence, and its JSON as data.
 */
public final class EventOutbox {

  private final JsonMapper json;
  private final String topic;
  private final String source;

  public EventOutbox(JsonMapper json, String topic, String source) {
    this.json = json;
    this.topic = topic;
    this.source = source;
  }

  public List<OutboxEntry> entriesFor(List<? extends Event> events, Instant time) {
    return events.stream()
        .map(e -> new OutboxEntry(UUID.randomUUID().toString(), topic, e.key(), e.type(), source, e.aggregateId(),
            e.sequence(), time, json.writeValueAsString(e)))
        .toList();
  }
}
