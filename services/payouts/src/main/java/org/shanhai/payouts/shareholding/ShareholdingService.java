package org.shanhai.payouts.shareholding;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.shanhai.payouts.projection.ProjectView;
import org.shanhai.payouts.projection.Projections;
import org.shanhai.payouts.village.Village;
import org.shanhai.payouts.village.VillageStore;
import org.shanhai.web.IdempotencyKeys;
import org.shanhai.web.validation.Conflict;
import org.shanhai.web.validation.NotFound;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Registers shareholdings with their payout schedule, records disbursements and moves payouts along with time. */
@Service
public class ShareholdingService {

  private static final int MAX_ATTEMPTS = 5;

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

  public record Registered(Shareholding shareholding, boolean replayed) {
  }

  /** A payout with the shareholding it belongs to. */
  public record PayoutLine(Shareholding shareholding, Payout payout) {
  }

  public Mono<Registered> register(Shareholding.Request request, String requestHash, String user, String key) {
    String id = IdempotencyKeys.idFor("shareholding", user, key);
    List<String> named = request.holder() == null ? List.of()
        : request.holder().villageId() != null ? List.of(request.holder().villageId())
        : request.holder().villageIds() == null ? List.of() : request.holder().villageIds();
    Mono<Map<String, Shareholding.KnownVillage>> known = villages.findAll(named)
        .collectMap(Village::id, v -> new Shareholding.KnownVillage(v.county(), v.name()));
    Mono<Optional<ProjectView>> project = request.projectId() == null
        ? Mono.just(Optional.empty())
        : projections.project(request.projectId()).map(Optional::of).defaultIfEmpty(Optional.empty());
    return Mono.zip(project, known)
        .flatMap(found -> {
          Shareholding.Changed registered = Shareholding.register(id, request, found.getT1().orElse(null),
              found.getT2(), policy, user, clock);
          return store.insert(registered, requestHash).thenReturn(new Registered(registered.shareholding(), false));
        })
        .onErrorResume(ShareholdingStore.DuplicateShareholding.class, e -> store.find(id).map(stored -> {
          if (!stored.requestHash().equals(requestHash)) {
            throw new Conflict(Conflict.Kind.IDEMPOTENCY_KEY_REUSED,
                "this Idempotency-Key was already used for a different shareholding");
          }
          return new Registered(stored.shareholding(), true);
        }));
  }

  public Mono<Shareholding> find(String id) {
    return store.find(id).map(ShareholdingStore.StoredShareholding::shareholding)
        .switchIfEmpty(Mono.error(() -> new NotFound("shareholding", id)));
  }

  public Flux<Shareholding> search(String county, String pairingId, String projectId, String villageId) {
    return store.search(county, pairingId, projectId, villageId);
  }

  /** Payouts matching the filters, by due date then id. */
  public Mono<List<PayoutLine>> payouts(String county, String projectId, String villageId, PayoutStatus status,
      Integer year) {
    return store.search(county, null, projectId, villageId)
        .flatMapIterable(s -> s.payouts().stream().map(p -> new PayoutLine(s, p)).toList())
        .filter(line -> status == null || line.payout().status() == status)
        .filter(line -> year == null || line.payout().year() == year)
        .sort(Comparator.comparing((PayoutLine line) -> line.payout().dueDate())
            .thenComparing(line -> line.shareholding().id()))
        .collectList();
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

  /** Records a payment; the same Idempotency-Key answers the first recording again. */
  public Mono<PayoutLine> disburse(String payoutId, Shareholding.DisbursementRequest request, String user,
      String key) {
    String disbursementId = IdempotencyKeys.idFor("disbursement\n" + payoutId, user, key);
    return retried(payout(payoutId).flatMap(line -> {
      boolean seen = line.payout().disbursements().stream().anyMatch(d -> d.id().equals(disbursementId));
      if (seen) {
        return Mono.just(line);
      }
      Shareholding.Changed changed = line.shareholding().disburse(line.payout().year(), disbursementId, request,
          user, clock);
      return store.apply(line.shareholding().sequence(), changed).filter(applied -> applied)
          .map(applied -> new PayoutLine(changed.shareholding(), changed.shareholding().payout(line.payout().year())));
    }), payoutId);
  }

  /**
   * One run of the time-driven transitions: every shareholding with an open payout due by today is
   * advanced. Safe with several instances: each change is a write conditional on the sequence it
   * was computed from, so a transition another instance already recorded is not recorded again.
   */
  public Mono<Integer> advanceAll() {
    return store.withOpenPayoutsDueBy(LocalDate.now(clock.withZone(Shareholding.ZHEJIANG)))
        .map(Shareholding::id)
        .concatMap(id -> retried(find(id).flatMap(s -> {
          Shareholding.Changed changed = s.advance(policy.graceDays(), clock);
          if (changed == null) {
            return Mono.just(0);
          }
          return store.apply(s.sequence(), changed).filter(applied -> applied).map(applied -> changed.events().size());
        }), id))
        .reduce(0, Integer::sum);
  }

  private <T> Mono<T> retried(Mono<T> attempt, String id) {
    return attempt.repeatWhenEmpty(MAX_ATTEMPTS - 1, Function.identity())
        .switchIfEmpty(Mono.error(() -> new Conflict(Conflict.Kind.PRECONDITION_FAILED, id + " kept changing; retry")));
  }
}
