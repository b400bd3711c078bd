package org.shanhai.projects.events;

import java.util.List;
import java.util.UUID;

import org.shanhai.events.Sources;
import org.shanhai.events.Topics;
import org.shanhai.events.projects.ProjectEvent;
import org.shanhai.messaging.outbox.OutboxEntry;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Turns the projects service's events into outbox entries: topic, key and subject are the aggregate id, data is JSON. */
@Component
public class EventOutbox {

  private final JsonMapper json;

  public EventOutbox(JsonMapper json) {
    this.json = json;
  }

  public List<OutboxEntry> entriesFor(List<? extends ProjectEvent> events, java.time.Instant time) {
    return events.stream()
        .map(e -> new OutboxEntry(UUID.randomUUID().toString(), Topics.PROJECTS, e.aggregateId(), e.type(),
            Sources.PROJECTS, e.aggregateId(), e.sequence(), time, json.writeValueAsString(e)))
        .toList();
  }
}
