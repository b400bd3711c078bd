package org.shanhai.alerts.silence.store;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import org.bson.Document;
import org.shanhai.alerts.alert.store.MatcherDocuments;
import org.shanhai.alerts.silence.Silence;
import org.shanhai.alerts.silence.SilenceStore;
import org.shanhai.messaging.mongo.Values;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Silences in {@code silences}. */
@Repository
class MongoSilenceStore implements SilenceStore {

  private final MongoCollection<Document> silences;

  MongoSilenceStore(MongoDatabase database) {
    this.silences = database.getCollection("silences");
  }

  @Override
  public Mono<Void> insert(Silence s) {
    return Mono.from(silences.insertOne(new Document("_id", s.id())
        .append("matchers", MatcherDocuments.toDocument(s.matchers()))
        .append("startsAt", Values.instant(s.startsAt()))
        .append("endsAt", Values.instant(s.endsAt()))
        .append("comment", s.comment())
        .append("createdBy", s.createdBy())
        .append("createdAt", Values.instant(s.createdAt())))).then();
  }

  @Override
  public Mono<Void> end(Silence s) {
    return Mono.from(silences.updateOne(eq("_id", s.id()), Updates.combine(
        Updates.set("startsAt", Values.instant(s.startsAt())), Updates.set("endsAt", Values.instant(s.endsAt())))))
        .then();
  }

  @Override
  public Mono<Silence> find(String id) {
    return Mono.from(silences.find(eq("_id", id)).first()).map(MongoSilenceStore::fromDocument);
  }

  @Override
  public Flux<Silence> all() {
    return Flux.from(silences.find().sort(Sorts.descending("startsAt"))).map(MongoSilenceStore::fromDocument);
  }

  private static Silence fromDocument(Document d) {
    return new Silence(d.getString("_id"), MatcherDocuments.fromDocument(d.get("matchers", Document.class)),
        Values.instant(d.getDate("startsAt")), Values.instant(d.getDate("endsAt")), d.getString("comment"),
        d.getString("createdBy"), Values.instant(d.getDate("createdAt")));
  }
}
