package org.shanhai.messaging.outbox;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.shanhai.events.Event;
import org.shanhai.messaging.mongo.Values;
import org.shanhai.web.write.DuplicateKey;
import reactor.core.publisher.Mono;

/**
 * A collection of aggregates that carry their own outbox: the two writes every store makes, each a
 * single-document write of the state together with its events, followed by a nudge to the relay.
 */
public final class OutboxCollection {

  private final MongoCollection<Document> collection;
  private final EventOutbox outbox;
  private final OutboxRelay relay;
  private final Clock clock;

  public OutboxCollection(MongoCollection<Document> collection, EventOutbox outbox, OutboxRelay relay, Clock clock) {
    this.collection = collection;
    this.outbox = outbox;
    this.relay = relay;
    this.clock = clock;
  }

  /** The collection itself, for reads. */
  public MongoCollection<Document> documents() {
    return collection;
  }

  /**
   * Inserts a new aggregate with its events; an existing id (or other unique key) fails with
   * {@link DuplicateKey} (idempotent creation: the id comes from the Idempotency-Key).
   */
  public Mono<Void> insert(Document aggregate, List<? extends Event> events) {
    Document document = aggregate.append(Outbox.FIELD, Outbox.asDocuments(outbox.entriesFor(events, clock.instant())));
    return Mono.from(collection.insertOne(document))
        .onErrorMap(Values::isDuplicateKey, DuplicateKey::new)
        .doOnSuccess(ignored -> relay.nudge(name(), document.get("_id")))
        .then();
  }

  /**
   * Applies {@code changes} and appends {@code events} if the aggregate is still at
   * {@code expectedSequence}: false when another write got in first.
   */
  public Mono<Boolean> applyIfAt(Object id, long expectedSequence, List<Bson> changes, List<? extends Event> events) {
    List<Bson> update = new ArrayList<>(changes);
    update.add(Outbox.append(outbox.entriesFor(events, clock.instant())));
    return Mono.from(collection.updateOne(and(eq("_id", id), eq("sequence", expectedSequence)),
            Updates.combine(update)))
        .map(result -> result.getMatchedCount() == 1)
        .doOnNext(applied -> {
          if (applied) {
            relay.nudge(name(), id);
          }
        });
  }

  private String name() {
    return collection.getNamespace().getCollectionName();
  }
}
