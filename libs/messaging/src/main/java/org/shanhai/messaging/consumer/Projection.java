package org.shanhai.messaging.consumer;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.shanhai.messaging.mongo.Values;
import reactor.core.publisher.Mono;

/**
 * The idempotent write of a consumer's projection: one document per aggregate, holding the
 * {@code sequence} of the last event applied. An event is applied only when its sequence is
 * higher, in one conditional upsert, so a redelivered or stale event changes nothing and two
 * consumers racing on the same event apply it once.
 */
public final class Projection {

  /** What became of an event. */
  public enum Outcome {
    APPLIED,
    IGNORED
  }

  private Projection() {
  }

  /** Applies {@code changes} to the projection of {@code aggregateId} if {@code sequence} is newer than what it holds. */
  public static Mono<Outcome> applyIfNewer(MongoCollection<Document> collection, String aggregateId, long sequence,
      Bson changes) {
    return Mono.from(collection.updateOne(and(eq("_id", aggregateId), lt("sequence", sequence)),
            Updates.combine(changes, Updates.set("sequence", sequence)), new UpdateOptions().upsert(true)))
        .map(result -> Outcome.APPLIED)
        // The document exists with this sequence or a later one: the upsert's insert collides on _id.
        .onErrorResume(Values::isDuplicateKey, e -> Mono.just(Outcome.IGNORED));
  }
}
