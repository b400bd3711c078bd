package org.shanhai.messaging.consumer;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import com.mongodb.reactivestreams.client.MongoCollection;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.shanhai.messaging.mongo.Values;
import org.shanhai.web.write.CompareAndSet;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A consumer's views in one collection: one document per aggregate (or per part of one, such as a
 * payout of a shareholding), holding the view and the {@code sequence} of the last event folded into
 * it. The fold itself is the consumer's pure function (view, event) → view; this only keeps the
 * write idempotent: an event at or below the stored sequence changes nothing, and the new view is
 * written only if the stored one is still the one folded, so a redelivered, stale or concurrently
 * applied event is applied once. An event that leaves the view as it was writes nothing (a progress
 * report that changes no field the view keeps, say), so {@code sequence} is that of the last event
 * that changed the view; a copy of the skipped event delivered again folds to the same view and
 * writes nothing either.
 *
 * @param <V> the view; {@link Codec} says how it is stored
 */
public final class Views<V> {

  /** How a view is stored: its fields (without {@code _id} and {@code sequence}, which this class keeps). */
  public interface Codec<V> {

    Document encode(V view);

    V decode(Document stored);
  }

  private final MongoCollection<Document> collection;
  /** The collection's name: where its documents are filed in a {@link ReadAhead}. */
  private final String name;
  private final Codec<V> codec;

  public Views(MongoCollection<Document> collection, Codec<V> codec) {
    this.collection = collection;
    this.name = collection.getNamespace().getCollectionName();
    this.codec = codec;
  }

  /**
   * Folds the event of {@code sequence} into the view of {@code id}, once.
   *
   * @param fold the consumer's function of the current view (null when there is none yet)
   * @return true when applied, false when the view had the event or a later one already, or the event
   *     left it as it was
   */
  public Mono<Boolean> apply(String id, long sequence, UnaryOperator<V> fold) {
    return fold(id, sequence, fold).map(Folded::changed);
  }

  /**
   * Reads the views of {@code ids} in one round trip for the poll whose work this is
   * ({@link ReadAhead}), for its events to start from: each then reads nothing before its fold (and
   * its write, if the fold changed the view, is guarded as ever). Outside a poll it reads nothing.
   */
  public Mono<Void> readAhead(Collection<String> ids) {
    return ReadAhead.current().flatMap(ahead -> ahead.isEmpty() || ids.isEmpty() ? Mono.empty()
        : Flux.from(collection.find(in("_id", ids))).collectMap(d -> d.getString("_id")).doOnNext(found -> {
          Map<String, Optional<Document>> read = new HashMap<>();
          ids.forEach(id -> read.put(id, Optional.ofNullable(found.get(id))));
          ahead.get().file(name, read);
        })).then();
  }

  /**
   * As {@link #apply}, with the view as it stands after: the one just written, or the stored one
   * when it had the event already (null if there is none), so a consumer that goes on to read it
   * need not read it again. In a poll's work, the first attempt starts from the view read ahead
   * ({@link #readAhead}), if it was, and what it leaves stored is what the next event of the same
   * view starts from; an attempt whose write finds the view changed reads it again.
   */
  public Mono<Folded<V>> fold(String id, long sequence, UnaryOperator<V> fold) {
    return ReadAhead.current().flatMap(ahead -> CompareAndSet.retry(Mono.defer(() -> ahead
            .flatMap(a -> a.take(name, id)).map(Mono::just)
            .orElseGet(() -> Mono.from(collection.find(eq("_id", id)).first())
                .map(Optional::of).defaultIfEmpty(Optional.empty())))
        .flatMap(stored -> {
          long at = stored.map(d -> ((Number) d.get("sequence")).longValue()).orElse(0L);
          V current = stored.map(codec::decode).orElse(null);
          V view = at >= sequence ? current : fold.apply(current);
          if (at >= sequence || view.equals(current)) {
            stored.ifPresent(unchanged -> ahead.ifPresent(a -> a.keep(name, id, unchanged)));
            return Mono.just(new Folded<>(false, current));
          }
          Document next = codec.encode(view).append("_id", id).append("sequence", sequence);
          Mono<Boolean> written = stored.isEmpty()
              ? Mono.from(collection.insertOne(next)).thenReturn(true)
                  .onErrorResume(Values::isDuplicateKey, raced -> Mono.empty())
              : Mono.from(collection.replaceOne(and(eq("_id", id), eq("sequence", at)), next))
                  .filter(result -> result.getMatchedCount() == 1).map(result -> true);
          return written.doOnNext(ok -> ahead.ifPresent(a -> a.keep(name, id, next)))
              .map(ok -> new Folded<>(true, view));
        }), "the view of " + id));
  }

  /** A view after an event: {@code changed} when the event was folded into it now and changed it. */
  public record Folded<V>(boolean changed, V view) {
  }

  public Mono<V> find(String id) {
    return Mono.from(collection.find(eq("_id", id)).first()).map(codec::decode);
  }

  public Flux<V> find(Bson filter) {
    return Flux.from(collection.find(filter)).map(codec::decode);
  }

  public Mono<Long> count(Bson filter) {
    return Mono.from(collection.countDocuments(filter));
  }
}
