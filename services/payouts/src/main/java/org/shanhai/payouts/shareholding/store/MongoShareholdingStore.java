package org.shanhai.payouts.shareholding.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.elemMatch;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.or;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Decimal128;
import org.shanhai.messaging.mongo.Values;
import org.shanhai.messaging.outbox.Outbox;
import org.shanhai.messaging.outbox.OutboxCollection;
import org.shanhai.messaging.outbox.OutboxCollections;
import org.shanhai.payouts.shareholding.Holder;
import org.shanhai.payouts.shareholding.Payout;
import org.shanhai.payouts.shareholding.PayoutStatus;
import org.shanhai.payouts.shareholding.ReturnType;
import org.shanhai.payouts.shareholding.Shareholding;
import org.shanhai.payouts.shareholding.ShareholdingStore;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Shareholdings in the {@code shareholdings} collection. The payout schedule lives in the
 * shareholding's document, so a disbursement or a time-driven transition, the new state and its
 * events are one write guarded by the shareholding's {@code sequence}: two instances running the
 * overdue job cannot both record the same transition.
 */
@Repository
class MongoShareholdingStore implements ShareholdingStore {

  private final OutboxCollection aggregates;
  private final MongoCollection<Document> shareholdings;

  MongoShareholdingStore(OutboxCollections collections) {
    this.aggregates = collections.named("shareholdings");
    this.shareholdings = aggregates.documents();
  }

  @Override
  public Mono<Void> insert(Shareholding.Changed registered, String requestHash) {
    return aggregates.insert(toDocument(registered.shareholding()).append("requestHash", requestHash),
        registered.events(), DuplicateShareholding::new);
  }

  @Override
  public Mono<StoredShareholding> find(String id) {
    return Mono.from(shareholdings.find(eq("_id", id)).projection(Projections.exclude(Outbox.FIELD)).first())
        .map(d -> new StoredShareholding(fromDocument(d), d.getString("requestHash")));
  }

  @Override
  public Mono<Boolean> apply(long expectedSequence, Shareholding.Changed changed) {
    Shareholding s = changed.shareholding();
    return aggregates.applyIfAt(s.id(), expectedSequence,
        List.of(Updates.set("payouts", payouts(s)), Updates.set("sequence", s.sequence())), changed.events());
  }

  @Override
  public Flux<Shareholding> search(String county, String pairingId, String projectId, String villageId) {
    List<Bson> filters = new ArrayList<>();
    if (county != null) {
      filters.add(eq("mountainCounty", county));
    }
    if (pairingId != null) {
      filters.add(eq("pairingId", pairingId));
    }
    if (projectId != null) {
      filters.add(eq("projectId", projectId));
    }
    if (villageId != null) {
      filters.add(or(eq("holder.villageId", villageId), eq("holder.villageIds", villageId)));
    }
    Bson filter = filters.isEmpty() ? new Document() : and(filters);
    return Flux.from(shareholdings.find(filter).projection(Projections.exclude(Outbox.FIELD)))
        .map(MongoShareholdingStore::fromDocument);
  }

  @Override
  public Flux<Shareholding> withOpenPayoutsDueBy(LocalDate today) {
    Bson open = elemMatch("payouts", and(
        in("status", PayoutStatus.SCHEDULED.name(), PayoutStatus.DUE.name(), PayoutStatus.PARTIALLY_PAID.name()),
        lte("dueDate", Values.date(today))));
    return Flux.from(shareholdings.find(open).projection(Projections.exclude(Outbox.FIELD)))
        .map(MongoShareholdingStore::fromDocument);
  }

  private static List<Document> payouts(Shareholding s) {
    return s.payouts().stream().map(p -> new Document("year", p.year())
        .append("dueDate", Values.date(p.dueDate()))
        .append("guaranteedAmount", Values.money(p.guaranteedAmount()))
        .append("paidAmount", Values.money(p.paidAmount()))
        .append("status", p.status().name())
        .append("disbursements", p.disbursements().stream().map(d -> new Document("id", d.id())
            .append("amount", Values.money(d.amount()))
            .append("paidOn", Values.date(d.paidOn()))
            .append("reference", d.reference())
            .append("recordedBy", d.recordedBy())
            .append("recordedAt", Values.instant(d.recordedAt()))).toList())).toList();
  }

  private static Document toDocument(Shareholding s) {
    return new Document("_id", s.id())
        .append("projectId", s.projectId())
        .append("pairingId", s.pairingId())
        .append("mountainCounty", s.mountainCounty())
        .append("partnerCounty", s.partnerCounty())
        .append("holder", new Document("villageId", s.holder().villageId())
            .append("name", s.holder().name())
            .append("villageCount", s.holder().villageCount())
            .append("villageIds", s.holder().villageIds()))
        .append("capital", Values.money(s.capital()))
        .append("returnType", s.returnType().name())
        .append("guaranteedRate", s.guaranteedRate() == null ? null : new Decimal128(s.guaranteedRate()))
        .append("fixedAnnualAmount", Values.money(s.fixedAnnualAmount()))
        .append("payoutMonthDay", s.payoutMonthDay().toString().substring(2))
        .append("firstPayoutYear", s.firstPayoutYear())
        .append("lastPayoutYear", s.lastPayoutYear())
        .append("payouts", payouts(s))
        .append("sequence", s.sequence())
        .append("registeredBy", s.registeredBy())
        .append("registeredAt", Values.instant(s.registeredAt()));
  }

  private static Shareholding fromDocument(Document d) {
    Document h = d.get("holder", Document.class);
    Object rate = d.get("guaranteedRate");
    return new Shareholding(d.getString("_id"), d.getString("projectId"), d.getString("pairingId"),
        d.getString("mountainCounty"), d.getString("partnerCounty"),
        new Holder(h.getString("villageId"), h.getString("name"), h.getInteger("villageCount"),
            h.getList("villageIds", String.class)),
        Values.money(d.get("capital")), ReturnType.valueOf(d.getString("returnType")),
        rate == null ? null : ((Decimal128) rate).bigDecimalValue(),
        Values.money(d.get("fixedAnnualAmount")), MonthDay.parse("--" + d.getString("payoutMonthDay")),
        d.getInteger("firstPayoutYear"), d.getInteger("lastPayoutYear"),
        d.getList("payouts", Document.class).stream().map(p -> new Payout(p.getInteger("year"),
            Values.date(p.getString("dueDate")), Values.money(p.get("guaranteedAmount")),
            Values.money(p.get("paidAmount")), PayoutStatus.valueOf(p.getString("status")),
            p.getList("disbursements", Document.class).stream().map(x -> new Payout.Disbursement(x.getString("id"),
                Values.money(x.get("amount")), Values.date(x.getString("paidOn")), x.getString("reference"),
                x.getString("recordedBy"), Values.instant(x.getDate("recordedAt")))).toList())).toList(),
        ((Number) d.get("sequence")).longValue(), d.getString("registeredBy"),
        Values.instant(d.getDate("registeredAt")));
  }
}
