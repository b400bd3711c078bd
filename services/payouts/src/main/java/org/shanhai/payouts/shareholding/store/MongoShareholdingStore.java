package org.shanhai.payouts.shareholding.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.elemMatch;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.or;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Facet;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.shanhai.messaging.mongo.Values;
import org.shanhai.messaging.outbox.Outbox;
import org.shanhai.messaging.outbox.OutboxCollection;
import org.shanhai.messaging.outbox.OutboxCollections;
import org.shanhai.payouts.shareholding.PayoutLine;
import org.shanhai.payouts.shareholding.PayoutQuery;
import org.shanhai.payouts.shareholding.PayoutStatus;
import org.shanhai.payouts.shareholding.Shareholding;
import org.shanhai.payouts.shareholding.ShareholdingQuery;
import org.shanhai.payouts.shareholding.ShareholdingStore;
import org.shanhai.web.paging.Page;
import org.shanhai.web.paging.PageRequest;
import org.shanhai.web.write.Stored;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Shareholdings in the {@code shareholdings} collection. The payout schedule lives in the
 * shareholding's document, so a disbursement or a time-driven transition, the new state and its
 * events are one write guarded by the shareholding's {@code sequence}: two instances running the
 * overdue job cannot both record the same transition. Payouts are listed by unwinding the schedules
 * in MongoDB, filtered, sorted and cut there.
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
    return aggregates.insert(ShareholdingDocuments.of(registered.shareholding()).append("requestHash", requestHash),
        registered.events());
  }

  @Override
  public Mono<Stored<Shareholding>> find(String id) {
    return Mono.from(shareholdings.find(eq("_id", id)).projection(Projections.exclude(Outbox.FIELD)).first())
        .map(d -> new Stored<>(ShareholdingDocuments.shareholding(d), d.getString("requestHash")));
  }

  @Override
  public Mono<Boolean> apply(long expectedSequence, Shareholding.Changed changed) {
    Shareholding s = changed.shareholding();
    return aggregates.applyIfAt(s.id(), expectedSequence, List.of(
        Updates.set("payouts", ShareholdingDocuments.payouts(s)), Updates.set("sequence", s.sequence())),
        changed.events());
  }

  @Override
  public Mono<Page<Shareholding>> search(ShareholdingQuery query, PageRequest page) {
    Bson filter = filter(query);
    Mono<List<Shareholding>> items = Flux.from(shareholdings.find(filter).projection(Projections.exclude(Outbox.FIELD))
            .sort(Sorts.ascending("registeredAt", "_id")).skip(page.offset()).limit(page.size()))
        .map(ShareholdingDocuments::shareholding).collectList();
    return Mono.zip(items, Mono.from(shareholdings.countDocuments(filter)))
        .map(t -> new Page<>(t.getT1(), page.page(), page.size(), t.getT2()));
  }

  @Override
  public Flux<Shareholding> all(ShareholdingQuery query) {
    return Flux.from(shareholdings.find(filter(query)).projection(Projections.exclude(Outbox.FIELD)))
        .map(ShareholdingDocuments::shareholding);
  }

  @Override
  public Mono<Page<PayoutLine>> payouts(PayoutQuery query, PageRequest page) {
    List<Bson> payoutFilters = new ArrayList<>();
    if (query.status() != null) {
      payoutFilters.add(eq("payouts.status", query.status().name()));
    }
    if (query.year() != null) {
      payoutFilters.add(eq("payouts.year", query.year()));
    }
    List<Bson> pipeline = new ArrayList<>(List.of(
        Aggregates.match(filter(new ShareholdingQuery(query.county(), null, query.project(), query.village()))),
        Aggregates.project(Projections.exclude(Outbox.FIELD)),
        Aggregates.unwind("$payouts")));
    if (!payoutFilters.isEmpty()) {
      pipeline.add(Aggregates.match(and(payoutFilters)));
    }
    pipeline.add(Aggregates.sort(Sorts.ascending("payouts.dueDate", "_id")));
    pipeline.add(Aggregates.facet(new Facet("items", Aggregates.skip(page.offset()), Aggregates.limit(page.size())),
        new Facet("total", Aggregates.count("n"))));
    return Mono.from(shareholdings.aggregate(pipeline).first()).map(result -> {
      List<PayoutLine> items = result.getList("items", Document.class).stream().map(d -> {
        Shareholding s = ShareholdingDocuments.shareholding(d, List.of(d.get("payouts", Document.class)));
        return new PayoutLine(s, s.payouts().get(0));
      }).toList();
      List<Document> total = result.getList("total", Document.class);
      return new Page<>(items, page.page(), page.size(), total.isEmpty() ? 0 : ((Number) total.get(0).get("n")).longValue());
    }).defaultIfEmpty(new Page<>(List.of(), page.page(), page.size(), 0));
  }

  @Override
  public Flux<Shareholding> withOpenPayoutsDueBy(LocalDate today) {
    Bson open = elemMatch("payouts", and(
        in("status", PayoutStatus.SCHEDULED.name(), PayoutStatus.DUE.name(), PayoutStatus.PARTIALLY_PAID.name()),
        lte("dueDate", Values.date(today))));
    return Flux.from(shareholdings.find(open).projection(Projections.exclude(Outbox.FIELD)))
        .map(ShareholdingDocuments::shareholding);
  }

  private static Bson filter(ShareholdingQuery q) {
    List<Bson> filters = new ArrayList<>();
    if (q.county() != null) {
      filters.add(eq("mountainCounty", q.county().code()));
    }
    if (q.pairing() != null) {
      filters.add(eq("pairingId", q.pairing()));
    }
    if (q.project() != null) {
      filters.add(eq("projectId", q.project().value()));
    }
    if (q.village() != null) {
      filters.add(or(eq("holder.villageId", q.village()), eq("holder.villageIds", q.village())));
    }
    return filters.isEmpty() ? new Document() : and(filters);
  }
}
