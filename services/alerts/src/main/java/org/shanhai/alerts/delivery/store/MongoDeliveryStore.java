package org.shanhai.alerts.delivery.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.or;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import jakarta.annotation.PostConstruct;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.shanhai.alerts.delivery.Delivery;
import org.shanhai.alerts.delivery.DeliveryStore;
import org.shanhai.alerts.store.ReasonDocuments;
import org.shanhai.messaging.mongo.Values;
import org.shanhai.web.paging.Page;
import org.shanhai.web.paging.PageRequest;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Deliveries in {@code deliveries}. Every step is one single-document write: a group grows only
 * while nobody is sending it ({@code sending} false, no attempt yet), a worker leases a delivery
 * before sending it (another takes over when the lease runs out), and records the outcome only
 * while it still holds the lease.
 */
@Repository
class MongoDeliveryStore implements DeliveryStore {

  private final MongoCollection<Document> deliveries;

  MongoDeliveryStore(MongoDatabase database) {
    this.deliveries = database.getCollection("deliveries");
  }

  /**
   * Deliveries are kept (they are each subscription's history), so without these every worker's claim,
   * five a second and after every fan-out, would read every delivery ever made and sort the due ones,
   * and a subscription's page of deliveries would read them all too.
   */
  @PostConstruct
  void createIndexes() {
    Mono.from(deliveries.createIndex(Indexes.ascending("status", "nextAttemptAt")))
        .then(Mono.from(deliveries.createIndex(Indexes.compoundIndex(Indexes.ascending("subscriptionId"),
            Indexes.descending("createdAt")))))
        .block(Duration.ofSeconds(30));
  }

  @Override
  public Mono<Added> addToGroup(String id, String subscriptionId, Delivery.Item item, Instant now, Instant sendAt) {
    Bson open = and(eq("_id", id), eq("status", Delivery.Status.PENDING.name()), eq("attemptsInRound", 0),
        eq("sending", false), ne("items.eventId", item.eventId()));
    Bson update = Updates.combine(Updates.push("items", toDocument(item)),
        Updates.setOnInsert("subscriptionId", subscriptionId), Updates.setOnInsert("reason", null),
        Updates.setOnInsert("createdAt", Values.instant(now)), Updates.setOnInsert("nextAttemptAt", Values.instant(sendAt)),
        Updates.setOnInsert("attempts", List.of()));
    return Mono.from(deliveries.updateOne(open, update, new UpdateOptions().upsert(true))).thenReturn(Added.ADDED)
        // The group exists but does not take the item: it has it already, or it is being (or was) sent.
        .onErrorResume(Values::isDuplicateKey, e -> Mono.from(deliveries.find(eq("_id", id)).first())
            .map(d -> d.getList("items", Document.class).stream().anyMatch(i -> item.eventId().equals(i.getString(
                "eventId"))) ? Added.ALREADY_THERE : Added.CLOSED));
  }

  @Override
  public Mono<Boolean> insert(Delivery delivery) {
    return Mono.from(deliveries.insertOne(toDocument(delivery))).thenReturn(true)
        .onErrorResume(Values::isDuplicateKey, e -> Mono.just(false));
  }

  @Override
  public Mono<Delivery> claim(Instant now, Instant leaseUntil, String owner) {
    Bson due = and(eq("status", Delivery.Status.PENDING.name()), lte("nextAttemptAt", Values.instant(now)),
        or(eq("sending", false), lt("leaseUntil", Values.instant(now))));
    return Mono.from(deliveries.findOneAndUpdate(due, Updates.combine(Updates.set("sending", true),
                Updates.set("leaseUntil", Values.instant(leaseUntil)), Updates.set("leaseOwner", owner)),
            new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER).sort(Sorts.ascending("nextAttemptAt"))))
        .map(MongoDeliveryStore::fromDocument);
  }

  @Override
  public Mono<Boolean> record(Delivery d, String owner) {
    return Mono.from(deliveries.updateOne(and(eq("_id", d.id()), eq("leaseOwner", owner), eq("sending", true)),
        Updates.combine(Updates.set("status", d.status().name()), Updates.set("reason", ReasonDocuments.toDocument(d.reason())),
            Updates.set("nextAttemptAt", Values.instant(d.nextAttemptAt())),
            Updates.set("attemptsInRound", d.attemptsInRound()), Updates.set("attempts", attempts(d)),
            Updates.set("sending", false)))).map(r -> r.getMatchedCount() == 1);
  }

  @Override
  public Mono<Page<Delivery>> ofSubscription(String subscriptionId, Delivery.Status status, PageRequest page) {
    Bson filter = status == null ? eq("subscriptionId", subscriptionId)
        : and(eq("subscriptionId", subscriptionId), eq("status", status.name()));
    Mono<List<Delivery>> items = Flux.from(deliveries.find(filter).sort(Sorts.descending("createdAt", "_id"))
        .skip(page.offset()).limit(page.size())).map(MongoDeliveryStore::fromDocument).collectList();
    return Mono.zip(items, Mono.from(deliveries.countDocuments(filter)))
        .map(t -> new Page<>(t.getT1(), page.page(), page.size(), t.getT2()));
  }

  @Override
  public Mono<Long> recover(String subscriptionId, Instant since, Instant now) {
    return Mono.from(deliveries.updateMany(and(eq("subscriptionId", subscriptionId),
            eq("status", Delivery.Status.FAILED.name()), gte("createdAt", Values.instant(since))),
        Updates.combine(Updates.set("status", Delivery.Status.PENDING.name()), Updates.set("reason", null),
            Updates.set("nextAttemptAt", Values.instant(now)), Updates.set("attemptsInRound", 0),
            Updates.set("sending", false)))).map(r -> r.getModifiedCount());
  }

  private static Document toDocument(Delivery d) {
    return new Document("_id", d.id())
        .append("subscriptionId", d.subscriptionId())
        .append("items", d.items().stream().map(MongoDeliveryStore::toDocument).toList())
        .append("status", d.status().name())
        .append("reason", ReasonDocuments.toDocument(d.reason()))
        .append("createdAt", Values.instant(d.createdAt()))
        .append("nextAttemptAt", Values.instant(d.nextAttemptAt()))
        .append("attemptsInRound", d.attemptsInRound())
        .append("attempts", attempts(d))
        .append("sending", false);
  }

  private static Document toDocument(Delivery.Item i) {
    return new Document("eventId", i.eventId()).append("eventType", i.eventType()).append("alertId", i.alertId())
        .append("rule", i.rule()).append("severity", i.severity()).append("since", Values.instant(i.since()))
        .append("data", i.data());
  }

  private static List<Document> attempts(Delivery d) {
    return d.attempts().stream().map(a -> new Document("at", Values.instant(a.at())).append("status", a.status())
        .append("millis", a.millis()).append("error", a.error())).toList();
  }

  private static Delivery fromDocument(Document d) {
    List<Delivery.Item> items = new ArrayList<>();
    for (Document i : d.getList("items", Document.class)) {
      items.add(new Delivery.Item(i.getString("eventId"), i.getString("eventType"), i.getString("alertId"),
          i.getString("rule"), i.getString("severity"), Values.instant(i.getDate("since")), i.getString("data")));
    }
    List<Delivery.Attempt> attempts = d.getList("attempts", Document.class).stream()
        .map(a -> new Delivery.Attempt(Values.instant(a.getDate("at")), a.getInteger("status"),
            ((Number) a.get("millis")).longValue(), a.getString("error"))).toList();
    return new Delivery(d.getString("_id"), d.getString("subscriptionId"), items,
        Delivery.Status.valueOf(d.getString("status")), ReasonDocuments.fromStored(d.get("reason")), Values.instant(d.getDate("createdAt")),
        Values.instant(d.getDate("nextAttemptAt")), d.getInteger("attemptsInRound"), attempts);
  }
}
