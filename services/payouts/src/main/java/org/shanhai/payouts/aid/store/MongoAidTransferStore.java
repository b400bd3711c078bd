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
import org.shanhai.payouts.aid.AidTransferStore;
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
    return aggregates.insert(toDocument(transfer).append("requestHash", requestHash), List.of(transfer.event()),
        DuplicateTransfer::new);
  }

  @Override
  public Mono<StoredTransfer> find(String id) {
    return Mono.from(transfers.find(eq("_id", id)).projection(Projections.exclude(Outbox.FIELD)).first())
        .map(d -> new StoredTransfer(fromDocument(d), d.getString("requestHash")));
  }

  @Override
  public Flux<AidTransfer> search(String pairingId, String county, String projectId, String villageId,
      AidTransfer.TransactionType type) {
    List<Bson> filters = new ArrayList<>();
    if (pairingId != null) {
      filters.add(eq("pairingId", pairingId));
    }
    if (county != null) {
      filters.add(or(eq("fromCounty", county), eq("toCounty", county)));
    }
    if (projectId != null) {
      filters.add(eq("projectId", projectId));
    }
    if (villageId != null) {
      filters.add(eq("villageId", villageId));
    }
    if (type != null) {
      filters.add(eq("type", type.name()));
    }
    Bson filter = filters.isEmpty() ? new Document() : and(filters);
    return Flux.from(transfers.find(filter).projection(Projections.exclude(Outbox.FIELD))
        .sort(Sorts.ascending("date", "_id"))).map(MongoAidTransferStore::fromDocument);
  }

  private static Document toDocument(AidTransfer t) {
    return new Document("_id", t.id())
        .append("pairingId", t.pairingId())
        .append("fromCounty", t.fromCounty())
        .append("toCounty", t.toCounty())
        .append("projectId", t.projectId())
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
    return new AidTransfer(d.getString("_id"), d.getString("pairingId"), d.getString("fromCounty"),
        d.getString("toCounty"), d.getString("projectId"), d.getString("villageId"),
        AidTransfer.TransactionType.valueOf(d.getString("type")), Values.money(d.get("amount")),
        Values.date(d.getString("date")), d.getString("purpose"),
        d.getList("warnings", Document.class).stream()
            .map(w -> new Warning(w.getString("code"), w.getString("field"), w.getString("message"))).toList(),
        d.getString("recordedBy"), Values.instant(d.getDate("recordedAt")));
  }
}
