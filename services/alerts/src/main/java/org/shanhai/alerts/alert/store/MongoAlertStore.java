package org.shanhai.alerts.alert.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.or;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import jakarta.annotation.PostConstruct;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.shanhai.alerts.alert.Alert;
import org.shanhai.alerts.alert.AlertQuery;
import org.shanhai.alerts.alert.AlertState;
import org.shanhai.alerts.alert.AlertStore;
import org.shanhai.alerts.rule.Finding;
import org.shanhai.alerts.rule.RuleId;
import org.shanhai.alerts.rule.Severity;
import org.shanhai.alerts.rule.Subject;
import org.shanhai.events.alerts.AlertEvent;
import org.shanhai.events.value.ProjectId;
import org.shanhai.messaging.consumer.ReadAhead;
import org.shanhai.messaging.mongo.Values;
import org.shanhai.messaging.outbox.Outbox;
import org.shanhai.messaging.outbox.OutboxCollection;
import org.shanhai.messaging.outbox.OutboxCollections;
import org.shanhai.web.paging.Page;
import org.shanhai.web.paging.PageRequest;
import org.shanhai.web.write.DuplicateKey;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Alerts in the {@code alerts} collection, one document per occurrence ({@code _id} = fingerprint
 * and occurrence), holding its own outbox: a change and the alert events it causes are one
 * single-document write guarded by the alert's {@code sequence}. The id makes "one open alert per
 * fingerprint" a unique-key guarantee, with no transaction.
 */
@Repository
class MongoAlertStore implements AlertStore {

  private static final String ALERTS = "alerts";

  private final OutboxCollection aggregates;
  private final MongoCollection<Document> alerts;

  MongoAlertStore(OutboxCollections collections) {
    this.aggregates = collections.named(ALERTS);
    this.alerts = aggregates.documents();
  }

  /** Every fact looks up its subject's newest occurrences by fingerprint: without this, a scan of every alert ever. */
  @PostConstruct
  void createIndexes() {
    Mono.from(alerts.createIndex(Indexes.compoundIndex(Indexes.ascending("fingerprint"), Indexes.descending("occurrence"))))
        .block(Duration.ofSeconds(30));
  }

  @Override
  public Mono<Boolean> insert(Alert alert, List<AlertEvent> events) {
    return aggregates.insert(toDocument(alert), events).thenReturn(true)
        .onErrorResume(DuplicateKey.class, e -> Mono.just(false));
  }

  @Override
  public Mono<Boolean> apply(long expectedSequence, Alert alert, List<AlertEvent> events) {
    Document state = toDocument(alert);
    state.remove("_id");
    List<Bson> changes = new ArrayList<>();
    state.forEach((field, value) -> changes.add(Updates.set(field, value)));
    return aggregates.applyIfAt(alert.id(), expectedSequence, changes, events);
  }

  @Override
  public Mono<Boolean> remove(Alert pending) {
    return Mono.from(alerts.deleteOne(and(eq("_id", pending.id()), eq("sequence", pending.sequence()),
        eq("state", AlertState.PENDING.name())))).map(r -> r.getDeletedCount() == 1);
  }

  @Override
  public Mono<Alert> find(String id) {
    return Mono.from(alerts.find(eq("_id", id)).projection(Projections.exclude(Outbox.FIELD)).first())
        .map(MongoAlertStore::fromDocument);
  }

  @Override
  public Mono<Alert> latest(String fingerprint) {
    return Mono.from(alerts.find(eq("fingerprint", fingerprint)).projection(Projections.exclude(Outbox.FIELD))
        .sort(Sorts.descending("occurrence")).first()).map(MongoAlertStore::fromDocument);
  }

  @Override
  public Mono<Map<String, Alert>> latest(Collection<String> fingerprints) {
    return ReadAhead.current().flatMap(ahead -> {
      Map<String, Alert> known = new HashMap<>();
      List<String> unread = new ArrayList<>();
      for (String fingerprint : fingerprints) {
        ahead.flatMap(a -> a.take(ALERTS, fingerprint)).ifPresentOrElse(
            read -> read.ifPresent(d -> known.put(fingerprint, fromDocument(d))), () -> unread.add(fingerprint));
      }
      return unread.isEmpty() ? Mono.just(known) : newest(unread).map(MongoAlertStore::fromDocument)
          .collectMap(Alert::fingerprint, alert -> alert, () -> known);
    });
  }

  @Override
  public Mono<Void> readAhead(Collection<String> fingerprints) {
    return ReadAhead.current().flatMap(ahead -> ahead.isEmpty() || fingerprints.isEmpty() ? Mono.empty()
        : newest(fingerprints).collectMap(d -> d.getString("fingerprint")).doOnNext(found -> {
          Map<String, Optional<Document>> read = new HashMap<>();
          fingerprints.forEach(f -> read.put(f, Optional.ofNullable(found.get(f))));
          ahead.get().file(ALERTS, read);
        })).then();
  }

  /** The newest occurrence of each of {@code fingerprints} that has one, without its outbox. */
  private Flux<Document> newest(Collection<String> fingerprints) {
    return Flux.from(alerts.aggregate(List.of(
        Aggregates.match(in("fingerprint", fingerprints)),
        Aggregates.sort(Sorts.descending("occurrence")),
        Aggregates.group("$fingerprint", Accumulators.first("newest", "$$ROOT")),
        Aggregates.replaceRoot("$newest"),
        Aggregates.project(Projections.exclude(Outbox.FIELD)))));
  }

  @Override
  public Flux<Alert> current() {
    return Flux.from(alerts.find(or(ne("state", AlertState.RESOLVED.name()), eq("awaitingClear", true)))
        .projection(Projections.exclude(Outbox.FIELD))).map(MongoAlertStore::fromDocument);
  }

  @Override
  public Mono<Boolean> projectSuspensionOpen(ProjectId projectId) {
    return Mono.from(alerts.countDocuments(and(eq("rule", RuleId.PROJECT_SUSPENDED.id()),
        eq("subject.project", projectId.value()),
        in("state", AlertState.FIRING.name(), AlertState.ACKNOWLEDGED.name()))))
        .map(n -> n > 0);
  }

  @Override
  public Mono<Page<Alert>> search(AlertQuery q, PageRequest page) {
    List<Bson> filters = new ArrayList<>();
    if (q.state() != null) {
      filters.add(eq("state", q.state().name()));
    }
    if (q.rule() != null) {
      filters.add(eq("rule", q.rule()));
    }
    if (q.severity() != null) {
      filters.add(eq("severity", q.severity().name()));
    }
    if (q.county() != null) {
      filters.add(eq("subject.county", q.county().code()));
    }
    if (q.partner() != null) {
      filters.add(eq("subject.partner", q.partner().code()));
    }
    if (q.pairing() != null) {
      filters.add(eq("subject.pairing", q.pairing()));
    }
    if (q.project() != null) {
      filters.add(eq("subject.project", q.project().value()));
    }
    Bson filter = filters.isEmpty() ? new Document() : and(filters);
    Mono<List<Alert>> items = Flux.from(alerts.find(filter).projection(Projections.exclude(Outbox.FIELD))
            .sort(Sorts.descending("activeSince", "_id")).skip(page.offset()).limit(page.size()))
        .map(MongoAlertStore::fromDocument).collectList();
    return Mono.zip(items, Mono.from(alerts.countDocuments(filter)))
        .map(t -> new Page<>(t.getT1(), page.page(), page.size(), t.getT2()));
  }

  private static Document toDocument(Alert a) {
    Subject s = a.subject();
    return new Document("_id", a.id())
        .append("fingerprint", a.fingerprint())
        .append("occurrence", a.occurrence())
        .append("rule", a.rule().id())
        .append("severity", a.severity().name())
        .append("state", a.state().name())
        .append("subject", new Document("type", s.type().name()).append("id", s.id())
            .append("county", Values.county(s.county())).append("partner", Values.county(s.partner()))
            .append("pairing", s.pairing()).append("project", Values.project(s.project())).append("kind", s.kind()))
        .append("summary", a.finding().summary())
        .append("evidence", new Document(a.finding().evidence()))
        .append("activeSince", Values.instant(a.activeSince()))
        .append("triggeredAt", Values.instant(a.triggeredAt()))
        .append("firedAt", Values.instant(a.firedAt()))
        .append("escalatedAt", Values.instant(a.escalatedAt()))
        .append("acknowledgedAt", Values.instant(a.acknowledgedAt()))
        .append("acknowledgedBy", a.acknowledgedBy())
        .append("resolvedAt", Values.instant(a.resolvedAt()))
        .append("resolvedBy", a.resolvedBy())
        .append("resolution", a.resolution())
        .append("note", a.note())
        .append("awaitingClear", a.awaitingClear())
        .append("sequence", a.sequence());
  }

  private static Alert fromDocument(Document d) {
    Document s = d.get("subject", Document.class);
    Map<String, String> evidence = new LinkedHashMap<>();
    d.get("evidence", Document.class).forEach((k, v) -> evidence.put(k, String.valueOf(v)));
    return new Alert(d.getString("_id"), d.getString("fingerprint"), d.getInteger("occurrence"),
        RuleId.byId(d.getString("rule")).orElseThrow(), Severity.valueOf(d.getString("severity")),
        AlertState.valueOf(d.getString("state")),
        new Subject(Subject.Type.valueOf(s.getString("type")), s.getString("id"), Values.county(s.getString("county")),
            Values.county(s.getString("partner")), s.getString("pairing"), Values.project(s.getString("project")),
            s.getString("kind")),
        new Finding(d.getString("summary"), evidence), Values.instant(d.getDate("activeSince")),
        Values.instant(d.getDate("triggeredAt")), Values.instant(d.getDate("firedAt")),
        Values.instant(d.getDate("escalatedAt")), Values.instant(d.getDate("acknowledgedAt")),
        d.getString("acknowledgedBy"), Values.instant(d.getDate("resolvedAt")), d.getString("resolvedBy"),
        d.getString("resolution"), d.getString("note"), Boolean.TRUE.equals(d.getBoolean("awaitingClear")),
        ((Number) d.get("sequence")).longValue());
  }
}
