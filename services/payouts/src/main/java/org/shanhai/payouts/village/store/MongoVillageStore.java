package org.shanhai.payouts.village.store;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import java.util.Collection;
import java.util.List;

import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.shanhai.events.value.CountyCode;
import org.shanhai.messaging.mongo.Values;
import org.shanhai.messaging.outbox.Outbox;
import org.shanhai.messaging.outbox.OutboxCollection;
import org.shanhai.messaging.outbox.OutboxCollections;
import org.shanhai.payouts.village.Village;
import org.shanhai.payouts.village.VillageStore;
import org.shanhai.web.paging.Page;
import org.shanhai.web.paging.PageRequest;
import org.shanhai.web.write.Stored;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Villages in the {@code villages} collection, income reports embedded, with the village's outbox. */
@Repository
class MongoVillageStore implements VillageStore {

  private final OutboxCollection aggregates;
  private final MongoCollection<Document> villages;

  MongoVillageStore(OutboxCollections collections) {
    this.aggregates = collections.named("villages");
    this.villages = aggregates.documents();
  }

  @Override
  public Mono<Void> insert(Village village, String requestHash) {
    // Registering a village publishes nothing; its income reports do.
    return aggregates.insert(toDocument(village).append("requestHash", requestHash), List.of());
  }

  @Override
  public Mono<Stored<Village>> find(String id) {
    return Mono.from(villages.find(eq("_id", id)).projection(Projections.exclude(Outbox.FIELD)).first())
        .map(d -> new Stored<>(fromDocument(d), d.getString("requestHash")));
  }

  @Override
  public Flux<Village> findAll(Collection<String> ids) {
    return Flux.from(villages.find(in("_id", ids)).projection(Projections.exclude(Outbox.FIELD)))
        .map(MongoVillageStore::fromDocument);
  }

  @Override
  public Mono<Boolean> apply(long expectedSequence, Village.Reported reported) {
    Village v = reported.village();
    return aggregates.applyIfAt(v.id(), expectedSequence,
        List.of(Updates.set("incomeReports", reports(v)), Updates.set("sequence", v.sequence())),
        List.of(reported.event()));
  }

  @Override
  public Mono<Page<Village>> list(CountyCode county, PageRequest page) {
    Bson filter = county == null ? new Document() : eq("county", county.code());
    Mono<List<Village>> items = Flux.from(villages.find(filter).projection(Projections.exclude(Outbox.FIELD))
            .sort(Sorts.ascending("county", "name", "_id")).skip(page.offset()).limit(page.size()))
        .map(MongoVillageStore::fromDocument).collectList();
    return Mono.zip(items, Mono.from(villages.countDocuments(filter)))
        .map(t -> new Page<>(t.getT1(), page.page(), page.size(), t.getT2()));
  }

  @Override
  public Flux<Village> inCounty(CountyCode county) {
    Bson filter = county == null ? new Document() : eq("county", county.code());
    return Flux.from(villages.find(filter).projection(Projections.exclude(Outbox.FIELD)))
        .map(MongoVillageStore::fromDocument);
  }

  private static List<Document> reports(Village v) {
    return v.incomeReports().stream().map(r -> new Document("year", r.year())
        .append("income", Values.money(r.income()))
        .append("threshold", Values.money(r.threshold()))
        .append("weak", r.weak())
        .append("reportedBy", r.reportedBy())
        .append("reportedAt", Values.instant(r.reportedAt()))).toList();
  }

  private static Document toDocument(Village v) {
    return new Document("_id", v.id())
        .append("name", v.name())
        .append("county", Values.county(v.county()))
        .append("township", v.township())
        .append("incomeReports", reports(v))
        .append("sequence", v.sequence())
        .append("registeredBy", v.registeredBy())
        .append("registeredAt", Values.instant(v.registeredAt()));
  }

  private static Village fromDocument(Document d) {
    return new Village(d.getString("_id"), d.getString("name"), Values.county(d.getString("county")),
        d.getString("township"),
        d.getList("incomeReports", Document.class).stream()
            .map(r -> new Village.IncomeReport(r.getInteger("year"), Values.money(r.get("income")),
                Values.money(r.get("threshold")), r.getBoolean("weak"), r.getString("reportedBy"),
                Values.instant(r.getDate("reportedAt"))))
            .toList(),
        ((Number) d.get("sequence")).longValue(), d.getString("registeredBy"),
        Values.instant(d.getDate("registeredAt")));
  }
}
