package org.shanhai.alerts.silence.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.lte;

import java.time.Instant;
import java.util.List;

import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.shanhai.alerts.matcher.store.MatcherDocuments;
import org.shanhai.alerts.silence.Silence;
import org.shanhai.alerts.silence.SilenceStore;
import org.shanhai.messaging.mongo.Values;
import org.shanhai.web.paging.Page;
import org.shanhai.web.paging.PageRequest;
import org.shanhai.web.write.DuplicateKey;
import org.shanhai.web.write.Stored;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Silences in {@code silences}; a state at a time is a range of their start and end, so lists filter in MongoDB. */
@Repository
class MongoSilenceStore implements SilenceStore {

  private final MongoCollection<Document> silences;

  MongoSilenceStore(MongoDatabase database) {
    this.silences = database.getCollection("silences");
  }

  @Override
  public Mono<Void> insert(Silence s, String requestHash) {
    return Mono.from(silences.insertOne(new Document("_id", s.id())
        .append("matchers", MatcherDocuments.toDocument(s.matchers()))
        .append("startsAt", Values.instant(s.startsAt()))
        .append("endsAt", Values.instant(s.endsAt()))
        .append("comment", s.comment())
        .append("createdBy", s.createdBy())
        .append("createdAt", Values.instant(s.createdAt()))
        .append("requestHash", requestHash))).onErrorMap(Values::isDuplicateKey, DuplicateKey::new).then();
  }

  @Override
  public Mono<Void> end(Silence s) {
    return Mono.from(silences.updateOne(eq("_id", s.id()), Updates.combine(
        Updates.set("startsAt", Values.instant(s.startsAt())), Updates.set("endsAt", Values.instant(s.endsAt())))))
        .then();
  }

  @Override
  public Mono<Stored<Silence>> find(String id) {
    return Mono.from(silences.find(eq("_id", id)).first())
        .map(d -> new Stored<>(fromDocument(d), d.getString("requestHash")));
  }

  @Override
  public Mono<Page<Silence>> list(Silence.State state, Instant now, PageRequest page) {
    Bson filter = state == null ? new Document() : in(state, now);
    Mono<List<Silence>> items = Flux.from(silences.find(filter).sort(Sorts.descending("startsAt", "_id"))
        .skip(page.offset()).limit(page.size())).map(MongoSilenceStore::fromDocument).collectList();
    return Mono.zip(items, Mono.from(silences.countDocuments(filter)))
        .map(t -> new Page<>(t.getT1(), page.page(), page.size(), t.getT2()));
  }

  @Override
  public Flux<Silence> activeAt(Instant now) {
    return Flux.from(silences.find(in(Silence.State.ACTIVE, now))).map(MongoSilenceStore::fromDocument);
  }

  /** The silences in {@code state} at {@code now}: pending before their start, active until their end, expired after. */
  private static Bson in(Silence.State state, Instant now) {
    return switch (state) {
      case PENDING -> gt("startsAt", Values.instant(now));
      case ACTIVE -> and(lte("startsAt", Values.instant(now)), gt("endsAt", Values.instant(now)));
      case EXPIRED -> lte("endsAt", Values.instant(now));
    };
  }

  private static Silence fromDocument(Document d) {
    return new Silence(d.getString("_id"), MatcherDocuments.fromDocument(d.get("matchers", Document.class)),
        Values.instant(d.getDate("startsAt")), Values.instant(d.getDate("endsAt")), d.getString("comment"),
        d.getString("createdBy"), Values.instant(d.getDate("createdAt")));
  }
}
