package org.shanhai.payouts.aid;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.shanhai.payouts.projection.PairingView;
import org.shanhai.payouts.projection.ProjectView;
import org.shanhai.payouts.projection.Projections;
import org.shanhai.payouts.village.VillageStore;
import org.shanhai.web.IdempotencyKeys;
import org.shanhai.web.validation.Conflict;
import org.shanhai.web.validation.NotFound;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Records aid-fund commitments and disbursements. */
@Service
public class AidTransferService {

  private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

  private final AidTransferStore store;
  private final Projections projections;
  private final VillageStore villages;
  private final Clock clock;

  public AidTransferService(AidTransferStore store, Projections projections, VillageStore villages, Clock clock) {
    this.store = store;
    this.projections = projections;
    this.villages = villages;
    this.clock = clock;
  }

  public record Recorded(AidTransfer transfer, boolean replayed) {
  }

  public Mono<Recorded> record(AidTransfer.Request r, String requestHash, String user, String key) {
    String id = IdempotencyKeys.idFor("aid", user, key);
    Mono<Optional<PairingView>> pairing = optional(r.pairingId() == null ? Mono.empty() : projections.pairing(r.pairingId()));
    Mono<Optional<ProjectView>> project = optional(r.projectId() == null ? Mono.empty() : projections.project(r.projectId()));
    Mono<Optional<String>> villageCounty = optional(r.villageId() == null ? Mono.empty()
        : villages.find(r.villageId()).map(stored -> stored.village().county()));
    Mono<AidTransfer.Totals> totals = r.pairingId() == null ? Mono.just(new AidTransfer.Totals(ZERO, ZERO))
        : store.search(r.pairingId(), null, r.projectId(), null, null).collectList().map(AidTransferService::totals);
    return Mono.zip(pairing, project, villageCounty, totals)
        .flatMap(found -> {
          AidTransfer transfer = AidTransfer.record(id, r, found.getT1().orElse(null), found.getT2().orElse(null),
              found.getT3().orElse(null), found.getT4(), user, clock);
          return store.insert(transfer, requestHash).thenReturn(new Recorded(transfer, false));
        })
        .onErrorResume(AidTransferStore.DuplicateTransfer.class, e -> store.find(id).map(stored -> {
          if (!stored.requestHash().equals(requestHash)) {
            throw new Conflict(Conflict.Kind.IDEMPOTENCY_KEY_REUSED,
                "this Idempotency-Key was already used for a different transfer");
          }
          return new Recorded(stored.transfer(), true);
        }));
  }

  public Mono<AidTransfer> find(String id) {
    return store.find(id).map(AidTransferStore.StoredTransfer::transfer)
        .switchIfEmpty(Mono.error(() -> new NotFound("aid transfer", id)));
  }

  public Flux<AidTransfer> search(String pairingId, String county, String projectId, String villageId,
      AidTransfer.TransactionType type) {
    return store.search(pairingId, county, projectId, villageId, type);
  }

  private static AidTransfer.Totals totals(List<AidTransfer> transfers) {
    BigDecimal committed = ZERO;
    BigDecimal disbursed = ZERO;
    for (AidTransfer t : transfers) {
      if (t.type() == AidTransfer.TransactionType.COMMITMENT) {
        committed = committed.add(t.amount());
      } else {
        disbursed = disbursed.add(t.amount());
      }
    }
    return new AidTransfer.Totals(committed, disbursed);
  }

  private static <T> Mono<Optional<T>> optional(Mono<T> value) {
    return value.map(Optional::of).defaultIfEmpty(Optional.empty());
  }

}
