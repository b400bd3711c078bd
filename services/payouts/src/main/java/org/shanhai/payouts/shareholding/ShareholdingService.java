package org.shanhai.payouts.shareholding;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import org.shanhai.events.value.ProjectId;
import org.shanhai.payouts.projection.ProjectView;
import org.shanhai.payouts.projection.Projections;
import org.shanhai.payouts.village.Village;
import org.shanhai.payouts.village.VillageStore;
import org.shanhai.web.access.Actor;
import org.shanhai.web.paging.Page;
import org.shanhai.web.paging.PageRequest;
import org.shanhai.web.validation.NotFound;
import org.shanhai.web.write.CompareAndSet;
import org.shanhai.web.write.IdempotencyKeys;
import org.shanhai.web.write.IdempotentCreate;
import org.shanhai.web.write.Stored;
import org.shanhai.web.write.Written;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Registers shareholdings with their payout schedule, records disbursements and moves payouts along with time. */
public class ShareholdingService {

  private final ShareholdingStore store;
  private final Projections projections;
  private final VillageStore villages;
  private final Shareholding.Policy policy;
  private final Clock clock;

  public ShareholdingService(ShareholdingStore store, Projections projections, VillageStore villages,
      Shareholding.Policy policy, Clock clock) {
    this.store = store;
    this.projections = projections;
    this.villages = villages;
    this.policy = policy;
    this.clock = clock;
  }

  /** Registers villages' shareholding in a project: by the province, or by an officer of either county of its pairing. */
  public Mono<Written<Shareholding>> register(ShareholdingRegistration request, String requestHash, Actor actor,
      String key) {
    String user = actor.name();
    String id = IdempotencyKeys.idFor("shareholding", user, key);
    Mono<Map<String, Shareholding.KnownVillage>> known = villages
        .findAll(request.holder() == null ? java.util.List.of() : request.holder().named())
        .collectMap(Village::id, v -> new Shareholding.KnownVillage(v.county(), v.name()));
    Mono<Optional<ProjectView>> project = request.projectId() == null || !ProjectId.isWellFormed(request.projectId())
        ? Mono.just(Optional.empty())
        : projections.project(ProjectId.of(request.projectId())).map(Optional::of).defaultIfEmpty(Optional.empty());
    Mono<Shareholding> insert = Mono.zip(project, known).flatMap(found -> {
      found.getT1().ifPresent(p -> actor.requireEitherSide(p.mountainCounty(), p.partnerCounty(),
          "registering a shareholding in this project"));
      Shareholding.Changed registered = Shareholding.register(id, request, found.getT1().orElse(null),
          found.getT2(), policy, user, clock);
      return store.insert(registered, requestHash).thenReturn(registered.shareholding());
    });
    return IdempotentCreate.create(insert, () -> store.find(id), requestHash, "a different shareholding");
  }

  public Mono<Shareholding> find(String id) {
    return store.find(id).map(Stored::value).switchIfEmpty(Mono.error(() -> new NotFound("shareholding", id)));
  }

  public Mono<Page<Shareholding>> search(ShareholdingQuery query, PageRequest page) {
    return store.search(query, page);
  }

  public Flux<Shareholding> all(ShareholdingQuery query) {
    return store.all(query);
  }

  public Mono<Page<PayoutLine>> payouts(PayoutQuery query, PageRequest page) {
    return store.payouts(query, page);
  }

  /** The payout with {@code payoutId} ({@code <shareholdingId>-<year>}). */
  public Mono<PayoutLine> payout(String payoutId) {
    int dash = payoutId.lastIndexOf('-');
    if (dash < 1 || !payoutId.substring(dash + 1).matches("[0-9]{4}")) {
      return Mono.error(new NotFound("payout", payoutId));
    }
    int year = Integer.parseInt(payoutId.substring(dash + 1));
    return find(payoutId.substring(0, dash)).map(s -> new PayoutLine(s, s.payout(year)))
        .onErrorMap(NotFound.class, e -> new NotFound("payout", payoutId));
  }

  /** Records a payment; the same Idempotency-Key and body answer the first recording again. */
  public Mono<Written<PayoutLine>> disburse(String payoutId, Payment payment, String requestHash, Actor actor,
      String key) {
    String user = actor.name();
    String disbursementId = IdempotencyKeys.idFor("disbursement\n" + payoutId, user, key);
    return CompareAndSet.retry(payout(payoutId).flatMap(line -> {
      actor.requireEitherSide(line.shareholding().mountainCounty(), line.shareholding().partnerCounty(),
          "recording a payment of this payout");
      Optional<Payout.Disbursement> earlier = line.payout().disbursements().stream()
          .filter(d -> d.id().equals(disbursementId)).findFirst();
      if (earlier.isPresent()) {
        return Mono.just(IdempotentCreate.replay(new Stored<>(line, earlier.get().requestHash()), requestHash,
            "a different payment"));
      }
      Shareholding.Changed changed = line.shareholding().disburse(line.payout().year(), disbursementId, payment,
          requestHash, user, clock);
      return store.apply(line.shareholding().sequence(), changed).filter(applied -> applied)
          .map(applied -> Written.created(new PayoutLine(changed.shareholding(),
              changed.shareholding().payout(line.payout().year()))));
    }), "payout " + payoutId);
  }

  /**
   * One run of the time-driven transitions: every shareholding with an open payout due by today is
   * advanced. Safe with several instances: each change is a write conditional on the sequence it
   * was computed from, so a transition another instance already recorded is not recorded again.
   */
  public Mono<Integer> advanceAll() {
    return store.withOpenPayoutsDueBy(LocalDate.now(clock))
        .map(Shareholding::id)
        .concatMap(id -> CompareAndSet.retry(find(id).flatMap(s -> {
          Shareholding.Changed changed = s.advance(policy.graceDays(), clock);
          if (changed == null) {
            return Mono.just(0);
          }
          return store.apply(s.sequence(), changed).filter(applied -> applied).map(applied -> changed.events().size());
        }), "shareholding " + id))
        .reduce(0, Integer::sum);
  }
}
