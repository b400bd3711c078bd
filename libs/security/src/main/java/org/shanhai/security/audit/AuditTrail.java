package org.shanhai.security.audit;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lt;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.shanhai.web.paging.Page;
import org.shanhai.web.paging.PageRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;

/**
 * The audit trail in the service's own database, collection {@code audit}: one document per request,
 * keyed by its request id. A write's entry is inserted before the write runs, so no change is ever
 * made without a record that it was attempted. What the answer was (and who, once the token was
 * checked), and the refused reads, follow within {@link #LINGER}, many in one bulk write: the
 * requests do not wait for them, and the trail costs each write one database round trip rather than
 * two. If the service stops in between, those entries stay {@code pending}.
 */
public final class AuditTrail implements AutoCloseable {

  static final String COLLECTION = "audit";
  static final Duration LINGER = Duration.ofMillis(200);
  private static final int BATCH = 500;
  private static final int BACKLOG = 16_384;
  /** MongoDB's error code for dropping an index that is not there. */
  private static final int INDEX_NOT_FOUND = 27;
  /** The indexes before the id broke ties. */
  private static final Set<String> SUPERSEDED = Set.of("at_-1", "actor_1_at_-1");
  private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);

  private final MongoCollection<Document> entries;
  private final Sinks.Many<WriteModel<Document>> answers =
      Sinks.many().unicast().onBackpressureBuffer(Queues.<WriteModel<Document>>get(BACKLOG).get());
  private final Mono<Void> written;

  public AuditTrail(MongoDatabase database) {
    this(database, LINGER);
  }

  /** With another {@code linger}: a test makes the batches many and small, as a slow database under load does. */
  AuditTrail(MongoDatabase database, Duration linger) {
    this.entries = database.getCollection(COLLECTION);
    // Fair backpressure: a batch waits for the writer to ask for it. Without it a batch due while the
    // database is still writing the previous ones overflows and ends the trail for good.
    this.written = answers.asFlux().bufferTimeout(BATCH, linger, true)
        .concatMap(batch -> Mono.from(entries.bulkWrite(batch, new BulkWriteOptions().ordered(false))).then()
            .onErrorResume(e -> {
              log.warn("audit trail: {} answers not recorded (their entries stay pending): {}", batch.size(),
                  e.toString());
              return Mono.empty();
            }))
        .then().cache();
    written.subscribe();
  }

  /**
   * Newest first is how the trail is read; by actor is how it is searched. The id breaks ties in
   * both: many answers share a millisecond, and a page cut among equal keys in no fixed order would
   * repeat some entries on the next page and never show others. The indexes these replace (the same
   * without the id) are dropped, so that each write keeps two indexes up to date, not four.
   */
  public Mono<Void> createIndexes() {
    return Mono.from(entries.createIndex(Indexes.descending("at", "_id"))).then(Mono.from(entries.createIndex(
        Indexes.compoundIndex(Indexes.ascending("actor"), Indexes.descending("at", "_id")))))
        .thenMany(Flux.from(entries.listIndexes()).map(index -> index.getString("name")).filter(SUPERSEDED::contains))
        .concatMap(this::drop).then();
  }

  /** Drops an index, unless another instance starting beside this one dropped it first. */
  private Mono<Void> drop(String index) {
    return Mono.from(entries.dropIndex(index)).onErrorResume(MongoCommandException.class,
        e -> e.getErrorCode() == INDEX_NOT_FOUND ? Mono.empty() : Mono.error(e));
  }

  /** Before a write runs: the attempt, pending. */
  Mono<Void> begin(AuditEntry attempt) {
    return Mono.from(entries.insertOne(document(attempt))).then();
  }

  /** When a write is answered: who it was (known only after the token was checked), and how it ended. */
  void complete(AuditEntry answered) {
    List<Bson> set = new ArrayList<>();
    set.add(Updates.set("actor", answered.actor()));
    set.add(Updates.set("status", answered.status()));
    set.add(Updates.set("outcome", answered.outcome()));
    set.add(Updates.set("reason", answered.reason()));
    set.add(Updates.set("detail", answered.detail()));
    set.add(Updates.set("location", answered.location()));
    set.add(Updates.set("answeredAt", Date.from(answered.answeredAt())));
    later(new UpdateOneModel<>(eq("_id", answered.requestId()), Updates.combine(set)));
  }

  /**
   * Work a request started and the service finished later in the background (an import's commit):
   * recorded as its own accepted entry under {@code id}, once however often it is recorded.
   */
  public Mono<Void> recordFinished(String id, String actor, String what, String detail, String location, Instant at) {
    AuditEntry entry = new AuditEntry(id, at, actor, what, null, 200, "accepted", null, detail, location, at);
    return Mono.from(entries.insertOne(document(entry))).then()
        .onErrorResume(e -> e instanceof MongoWriteException w && w.getError().getCategory()
            == ErrorCategory.DUPLICATE_KEY, e -> Mono.empty());
  }

  /** A refused read: there was nothing to record beforehand. */
  void record(AuditEntry refused) {
    later(new InsertOneModel<>(document(refused)));
  }

  private synchronized void later(WriteModel<Document> write) {
    if (answers.tryEmitNext(write).isFailure()) {
      log.warn("audit trail: backlog of {} answers full; this one is not recorded", BACKLOG);
    }
  }

  /** Writes what is waiting, then stops taking more. */
  @Override
  public synchronized void close() {
    answers.tryEmitComplete();
    written.block(Duration.ofSeconds(10));
  }

  Mono<Page<AuditEntry>> search(AuditQuery query, PageRequest page) {
    List<Bson> filters = new ArrayList<>();
    if (query.actor() != null) {
      filters.add(eq("actor", query.actor()));
    }
    if (query.outcome() != null) {
      filters.add(eq("outcome", query.outcome().name().toLowerCase(java.util.Locale.ROOT)));
    }
    if (query.from() != null) {
      filters.add(gte("at", Date.from(query.from())));
    }
    if (query.to() != null) {
      filters.add(lt("at", Date.from(query.to())));
    }
    Bson filter = filters.isEmpty() ? new Document() : and(filters);
    return Mono.zip(Flux.from(entries.find(filter).sort(Sorts.descending("at", "_id")).skip(page.offset())
                .limit(page.size())).map(AuditTrail::entry).collectList(),
            Mono.from(entries.countDocuments(filter)))
        .map(t -> new Page<>(t.getT1(), page.page(), page.size(), t.getT2()));
  }

  private static Document document(AuditEntry e) {
    return new Document("_id", e.requestId()).append("at", Date.from(e.at())).append("actor", e.actor())
        .append("what", e.what()).append("idempotencyKey", e.idempotencyKey()).append("status", e.status())
        .append("outcome", e.outcome()).append("reason", e.reason()).append("detail", e.detail())
        .append("location", e.location())
        .append("answeredAt", e.answeredAt() == null ? null : Date.from(e.answeredAt()));
  }

  private static AuditEntry entry(Document d) {
    Date answered = d.getDate("answeredAt");
    return new AuditEntry(d.getString("_id"), d.getDate("at").toInstant(), d.getString("actor"), d.getString("what"),
        d.getString("idempotencyKey"), d.getInteger("status"), d.getString("outcome"), d.getString("reason"),
        d.getString("detail"), d.getString("location"), answered == null ? null : answered.toInstant());
  }
}
