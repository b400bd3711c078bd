package org.shanhai.alerts.targets.store;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import org.bson.Document;
import org.shanhai.alerts.targets.Target;
import org.shanhai.alerts.targets.TargetStore;
import org.shanhai.messaging.mongo.Values;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Targets in {@code targets}, one document per scope, key and year (its id), replaced whole when set again. */
@Repository
class MongoTargetStore implements TargetStore {

  private final MongoCollection<Document> targets;

  MongoTargetStore(MongoDatabase database) {
    this.targets = database.getCollection("targets");
  }

  @Override
  public Mono<Void> put(Target t) {
    Document document = new Document("_id", t.id()).append("scope", t.scope().name()).append("key", t.key())
        .append("year", t.year()).append("investment", Values.money(t.investment())).append("setBy", t.setBy())
        .append("setAt", Values.instant(t.setAt()));
    return Mono.from(targets.replaceOne(eq("_id", t.id()), document, new ReplaceOptions().upsert(true))).then();
  }

  @Override
  public Flux<Target> all(Integer year) {
    return Flux.from(targets.find(year == null ? new Document() : eq("year", year)))
        .map(d -> new Target(Target.Scope.valueOf(d.getString("scope")), d.getString("key"), d.getInteger("year"),
            Values.money(d.get("investment")), d.getString("setBy"), Values.instant(d.getDate("setAt"))));
  }
}
