package org.shanhai.projects.pairing.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.or;

import java.time.Duration;
import java.util.List;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import jakarta.annotation.PostConstruct;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.shanhai.events.projects.PairingRegistered;
import org.shanhai.events.value.CountyCode;
import org.shanhai.messaging.outbox.Outbox;
import org.shanhai.messaging.outbox.OutboxCollection;
import org.shanhai.messaging.outbox.OutboxCollections;
import org.shanhai.messaging.mongo.Values;
import org.shanhai.web.paging.Page;
import org.shanhai.web.paging.PageRequest;
import org.shanhai.projects.pairing.Pairing;
import org.shanhai.projects.pairing.PairingStore;
import org.shanhai.web.write.Stored;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Pairings in the {@code pairings} collection, each document with its own outbox. A unique sparse
 * index on {@code openPair} (set only while a pairing has no end year) makes "one running pairing
 * per pair of counties" hold even when two officers register it at the same moment.
 */
@Repository
class MongoPairingStore implements PairingStore {

  private final OutboxCollection aggregates;
  private final MongoCollection<Document> pairings;

  MongoPairingStore(OutboxCollections collections) {
    this.aggregates = collections.named("pairings");
    this.pairings = aggregates.documents();
  }

  @PostConstruct
  void createIndexes() {
    Mono.from(pairings.createIndex(Indexes.ascending("openPair"), new IndexOptions().unique(true).sparse(true)))
        .block(Duration.ofSeconds(30));
  }

  @Override
  public Mono<Void> insert(Pairing pairing, String requestHash, PairingRegistered event) {
    Document document = toDocument(pairing).append("requestHash", requestHash);
    if (pairing.until() == null) {
      document.append("openPair", pairing.mountainCounty() + "-" + pairing.partnerCounty());
    }
    return aggregates.insert(document, List.of(event));
  }

  @Override
  public Mono<Stored<Pairing>> find(String id) {
    return Mono.from(pairings.find(eq("_id", id)).projection(withoutOutbox()).first())
        .map(d -> new Stored<>(fromDocument(d), d.getString("requestHash")));
  }

  @Override
  public Mono<Boolean> end(long expectedSequence, Pairing.Ended ended) {
    Pairing p = ended.pairing();
    return aggregates.applyIfAt(p.id(), expectedSequence, List.of(
            Updates.set("until", p.until()),
            Updates.set("sequence", p.sequence()),
            Updates.set("endedBy", p.endedBy()),
            Updates.set("endedAt", Values.instant(p.endedAt())),
            // Frees the one open-ended slot of these two counties for a new pairing.
            Updates.unset("openPair")),
        List.of(ended.event()));
  }

  @Override
  public Flux<Pairing> findByCounties(CountyCode mountainCounty, CountyCode partnerCounty) {
    return Flux.from(pairings.find(and(eq("mountainCounty", Values.county(mountainCounty)),
            eq("partnerCounty", Values.county(partnerCounty))))
        .projection(withoutOutbox())).map(MongoPairingStore::fromDocument);
  }

  @Override
  public Mono<Page<Pairing>> list(CountyCode county, PageRequest page) {
    Bson filter = county == null ? new Document()
        : or(eq("mountainCounty", county.code()), eq("partnerCounty", county.code()));
    Mono<List<Pairing>> items = Flux.from(pairings.find(filter).projection(withoutOutbox())
            .sort(Sorts.ascending("mountainCounty", "partnerCounty", "since", "_id")).skip(page.offset())
            .limit(page.size()))
        .map(MongoPairingStore::fromDocument).collectList();
    Mono<Long> total = Mono.from(pairings.countDocuments(filter));
    return Mono.zip(items, total).map(t -> new Page<>(t.getT1(), page.page(), page.size(), t.getT2()));
  }

  private static Bson withoutOutbox() {
    return Projections.exclude(Outbox.FIELD);
  }

  private static Document toDocument(Pairing p) {
    return new Document("_id", p.id())
        .append("mountainCounty", Values.county(p.mountainCounty()))
        .append("partnerCounty", Values.county(p.partnerCounty()))
        .append("since", p.since())
        .append("until", p.until())
        .append("sequence", p.sequence())
        .append("registeredBy", p.registeredBy())
        .append("registeredAt", Values.instant(p.registeredAt()))
        .append("endedBy", p.endedBy())
        .append("endedAt", Values.instant(p.endedAt()));
  }

  private static Pairing fromDocument(Document d) {
    return new Pairing(d.getString("_id"), Values.county(d.getString("mountainCounty")),
        Values.county(d.getString("partnerCounty")),
        d.getInteger("since"), d.getInteger("until"), ((Number) d.get("sequence")).longValue(),
        d.getString("registeredBy"), Values.instant(d.getDate("registeredAt")), d.getString("endedBy"),
        Values.instant(d.getDate("endedAt")));
  }
}
