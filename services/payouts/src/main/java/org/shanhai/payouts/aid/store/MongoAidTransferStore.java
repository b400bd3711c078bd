package org.shanhai.payouts.aid.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.or;

import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.reactivestreams.client.MongoCollection;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.shanhai.events.Warning;
import org.shanhai.messaging.mongo.Values;
import org.shanhai.messaging.outbox.Outbox;
import org.shanhai.messaging.outbox.OutboxCollection;
import org.shanhai.messaging.outbox.OutboxCollections;
import org.shanhai.payouts.aid.AidTransfer;
import org.shanhai.payouts.aid.AidTransferQuery;
import org.shanhai.payouts.aid.AidTransferStore;
import org.shanhai.web.paging.Page;
import org.shanhai.web.paging.PageRequest;
import org.shanhai.web.write.Stored;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Aid transfers in the {@code aid_transfers} collection, one document each, with its outbox. */
@Repository
class MongoAidTransferStore implements AidTransferStore {

  private final OutboxCollection aggregates;
  private final MongoCollection<Document> transfers;

  MongoAidTransferStore(OutboxCollections collections) {
    this.aggregates = collections.named("aid_transfers");
    this.transfers = aggregates.documents();
  }

  @Override
  public Mono<Void> insert(AidTransfer transfer, String requestHash) {
    return aggregates.insert(toDocument(transfer).append("requestHash", requestHash), List.of(transfer.event()));
  }

  @Override
  public Mono<Stored<AidTransfer>> find(String id) {
    return Mono.from(transfers.find(eq("_id", id)).projection(Projections.exclude(Outbox.FIELD)).first())
        .map(d -> new Stored<>(fromDocument(d), d.getString("requestHash")));
  }

  @Override
  public Mono<Page<AidTransfer>> search(AidTransferQuery query, PageRequest page) {
    Bson filter = filter(query);
    Mono<List<AidTransfer>> items = Flux.from(transfers.find(filter).projection(Projections.exclude(Outbox.FIELD))
            .sort(Sorts.ascending("date", "_id")).skip(page.offset()).limit(page.size()))
        .map(MongoAidTransferStore::fromDocument).collectList();
    return Mono.zip(items, Mono.from(transfers.countDocuments(filter)))
        .map(t -> new Page<>(t.getT1(), page.page(), page.size(), t.getT2()));
  }

  @Override
  public Flux<AidTransfer> all(AidTransferQuery query) {
    return Flux.from(transfers.find(filter(query)).projection(Projections.exclude(Outbox.FIELD))
        .sort(Sorts.ascending("date", "_id"))).map(MongoAidTransferStore::fromDocument);
  }

  private static Bson filter(AidTransferQuery q) {
    List<Bson> filters = new ArrayList<>();
    if (q.pairing() != null) {
      filters.add(eq("pairingId", q.pairing()));
    }
    if (q.county() != null) {
      filters.add(or(eq("fromCounty", q.county().code()), eq("toCounty", q.county().code())));
    }
    if (q.project() != null) {
      filters.add(eq("projectId", q.project().value()));
    }
    if (q.village() != null) {
      filters.add(eq("villageId", q.village()));
    }
    if (q.type() != null) {
      filters.add(eq("type", q.type().name()));
    }
    return filters.isEmpty() ? new Document() : and(filters);
  }

  private static Document toDocument(AidTransfer t) {
    return new Document("_id", t.id())
        .append("pairingId", t.pairingId())
        .append("fromCounty", Values.county(t.fromCounty()))
        .append("toCounty", Values.county(t.toCounty()))
        .append("projectId", Values.project(t.projectId()))
        .append("villageId", t.villageId())
        .append("type", t.type().name())
        .append("amount", Values.money(t.amount()))
        .append("date", Values.date(t.date()))
        .append("purpose", t.purpose())
        .append("warnings", t.warnings().stream()
            .map(w -> new Document("code", w.code()).append("field", w.field()).append("message", w.message()))
            .toList())
        .append("recordedBy", t.recordedBy())
        .append("recordedAt", Values.instant(t.recordedAt()));
  }

  private static AidTransfer fromDocument(Document d) {
    return new AidTransfer(d.getString("_id"), d.getString("pairingId"), Values.county(d.getString("fromCounty")),
        Values.county(d.getString("toCounty")), Values.project(d.getString("projectId")), d.getString("villageId"),
        AidTransfer.TransactionType.valueOf(d.getString("type")), Values.money(d.get("amount")),
        Values.date(d.getString("date")), d.getString("purpose"),
        d.getList("warnings", Document.class).stream()
            .map(w -> new Warning(w.getString("code"), w.getString("field"), w.getString("message"))).toList(),
        d.getString("recordedBy"), Values.instant(d.getDate("recordedAt")));
  }
}
