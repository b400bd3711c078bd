package org.shanhai.messaging.outbox;

import java.time.Clock;

import com.mongodb.reactivestreams.client.MongoDatabase;

/** Hands each store its collection of aggregates with their outbox, in the service's own database. */
public final class OutboxCollections {

  private final MongoDatabase database;
  private final EventOutbox outbox;
  private final OutboxRelay relay;
  private final Clock clock;

  public OutboxCollections(MongoDatabase database, EventOutbox outbox, OutboxRelay relay, Clock clock) {
    this.database = database;
    this.outbox = outbox;
    this.relay = relay;
    this.clock = clock;
  }

  /** The collection {@code name}; list it in {@code shanhai.outbox.collections} so the relay publishes it. */
  public OutboxCollection named(String name) {
    return new OutboxCollection(database.getCollection(name), outbox, relay, clock);
  }
}
