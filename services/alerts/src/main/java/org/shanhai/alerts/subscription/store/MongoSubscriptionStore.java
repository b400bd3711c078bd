package org.shanhai.alerts.subscription.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.ne;

import java.time.Duration;
import java.util.List;

import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.shanhai.alerts.matcher.store.MatcherDocuments;
import org.shanhai.alerts.store.ReasonDocuments;
import org.shanhai.alerts.subscription.Subscription;
import org.shanhai.alerts.subscription.SubscriptionStore;
import org.shanhai.messaging.mongo.Values;
import org.shanhai.web.paging.Page;
import org.shanhai.web.paging.PageRequest;
import org.shanhai.web.write.DuplicateKey;
import org.shanhai.web.write.Stored;
import org.springframework.security.crypto.encrypt.TextEncryptor;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Subscriptions in {@code subscriptions}, replaced whole on each change, guarded by their version.
 * Webhook signing secrets are stored encrypted ({@value #ENCRYPTED}…); one stored before encryption
 * came is read as it is and encrypted at the subscription's next change.
 */
@Repository
class MongoSubscriptionStore implements SubscriptionStore {

  private static final String ENCRYPTED = "enc:v1:";

  private final MongoCollection<Document> subscriptions;
  private final TextEncryptor secrets;

  MongoSubscriptionStore(MongoDatabase database, TextEncryptor webhookSecretEncryptor) {
    this.subscriptions = database.getCollection("subscriptions");
    this.secrets = webhookSecretEncryptor;
  }

  @Override
  public Mono<Void> insert(Subscription subscription, String requestHash) {
    return Mono.from(subscriptions.insertOne(toDocument(subscription).append("requestHash", requestHash)))
        .onErrorMap(Values::isDuplicateKey, DuplicateKey::new).then();
  }

  @Override
  public Mono<Boolean> apply(long expectedVersion, Subscription subscription) {
    return Mono.from(subscriptions.find(eq("_id", subscription.id())).first())
        .flatMap(stored -> Mono.from(subscriptions.replaceOne(
            and(eq("_id", subscription.id()), eq("version", expectedVersion)),
            toDocument(subscription).append("requestHash", stored.getString("requestHash")), new ReplaceOptions())))
        .map(r -> r.getMatchedCount() == 1);
  }

  @Override
  public Mono<Stored<Subscription>> find(String id) {
    return Mono.from(subscriptions.find(eq("_id", id)).first())
        .map(d -> new Stored<>(fromDocument(d), d.getString("requestHash")));
  }

  @Override
  public Mono<Page<Subscription>> list(String owner, PageRequest page) {
    Bson notDeleted = ne("status", Subscription.Status.DELETED.name());
    Bson filter = owner == null ? notDeleted : and(notDeleted, eq("createdBy", owner));
    Mono<List<Subscription>> items = Flux.from(subscriptions.find(filter).sort(Sorts.ascending("createdAt", "_id"))
        .skip(page.offset()).limit(page.size())).map(this::fromDocument).collectList();
    return Mono.zip(items, Mono.from(subscriptions.countDocuments(filter)))
        .map(t -> new Page<>(t.getT1(), page.page(), page.size(), t.getT2()));
  }

  @Override
  public Flux<Subscription> activeWebhooks() {
    return Flux.from(subscriptions.find(and(eq("status", Subscription.Status.ACTIVE.name()),
            eq("channel.type", Subscription.ChannelType.WEBHOOK.name())))
        .sort(Sorts.ascending("createdAt", "_id"))).map(this::fromDocument);
  }

  private Document toDocument(Subscription s) {
    return new Document("_id", s.id())
        .append("name", s.name())
        .append("matchers", MatcherDocuments.toDocument(s.matchers()))
        .append("sendResolved", s.sendResolved())
        .append("groupWindow", s.groupWindow().toString())
        .append("channel", new Document("type", s.channel().type().name()).append("url", s.channel().url())
            .append("secrets", s.channel().secrets().stream().map(x -> new Document("value",
                    ENCRYPTED + secrets.encrypt(x.value()))
                .append("expiresAt", Values.instant(x.expiresAt()))).toList()))
        .append("status", s.status().name())
        .append("statusReason", ReasonDocuments.toDocument(s.statusReason()))
        .append("createdBy", s.createdBy())
        .append("createdAt", Values.instant(s.createdAt()))
        .append("version", s.version());
  }

  private Subscription fromDocument(Document d) {
    Document c = d.get("channel", Document.class);
    List<Subscription.Secret> secrets = c.getList("secrets", Document.class).stream()
        .map(x -> new Subscription.Secret(decrypted(x.getString("value")), Values.instant(x.getDate("expiresAt"))))
        .toList();
    return new Subscription(d.getString("_id"), d.getString("name"),
        MatcherDocuments.fromDocument(d.get("matchers", Document.class)),
        d.getBoolean("sendResolved"), Duration.parse(d.getString("groupWindow")),
        new Subscription.Channel(Subscription.ChannelType.valueOf(c.getString("type")), c.getString("url"), secrets),
        Subscription.Status.valueOf(d.getString("status")), ReasonDocuments.fromStored(d.get("statusReason")), d.getString("createdBy"),
        Values.instant(d.getDate("createdAt")), ((Number) d.get("version")).longValue());
  }

  private String decrypted(String stored) {
    return stored.startsWith(ENCRYPTED) ? secrets.decrypt(stored.substring(ENCRYPTED.length())) : stored;
  }
}
