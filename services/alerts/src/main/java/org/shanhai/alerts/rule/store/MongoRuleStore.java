package org.shanhai.alerts.rule.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import java.time.Duration;
import java.util.Map;

import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import org.bson.Document;
import org.shanhai.alerts.rule.RuleConfig;
import org.shanhai.alerts.rule.RuleId;
import org.shanhai.alerts.rule.RuleStore;
import org.shanhai.alerts.rule.Severity;
import org.shanhai.messaging.mongo.Values;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Rule settings in {@code rules}, one document per changed rule, versioned: the first change
 * inserts (two first changes collide on the id), each later one replaces only the version it read.
 */
@Repository
class MongoRuleStore implements RuleStore {

  private final MongoCollection<Document> rules;

  MongoRuleStore(MongoDatabase database) {
    this.rules = database.getCollection("rules");
  }

  @Override
  public Flux<RuleConfig> all() {
    return Flux.from(rules.find()).flatMap(d -> Mono.justOrEmpty(RuleId.byId(d.getString("_id")).map(rule ->
        new RuleConfig(rule, d.getBoolean("enabled"), Severity.valueOf(d.getString("severity")),
            Duration.parse(d.getString("for")),
            d.getString("escalateAfter") == null ? null : Duration.parse(d.getString("escalateAfter")),
            d.get("params", Document.class).entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> (String) e.getValue())),
            ((Number) d.get("version")).longValue(), d.getString("updatedBy"),
            Values.instant(d.getDate("updatedAt"))))));
  }

  @Override
  public Mono<Boolean> save(long expectedVersion, RuleConfig c) {
    Document document = new Document("_id", c.rule().id())
        .append("enabled", c.enabled())
        .append("severity", c.severity().name())
        .append("for", c.forDuration().toString())
        .append("escalateAfter", c.escalateAfter() == null ? null : c.escalateAfter().toString())
        .append("params", new Document(c.params()))
        .append("version", c.version())
        .append("updatedBy", c.updatedBy())
        .append("updatedAt", Values.instant(c.updatedAt()));
    if (expectedVersion == 0) {
      return Mono.from(rules.insertOne(document)).thenReturn(true).onErrorResume(Values::isDuplicateKey,
          e -> Mono.just(false));
    }
    return Mono.from(rules.replaceOne(and(eq("_id", c.rule().id()), eq("version", expectedVersion)), document,
        new ReplaceOptions())).map(r -> r.getMatchedCount() == 1);
  }
}
