package org.shanhai.payouts.aid;

import java.time.Clock;
import java.util.Optional;

import org.shanhai.events.value.CountyCode;
import org.shanhai.events.value.ProjectId;
import org.shanhai.payouts.projection.PairingView;
import org.shanhai.payouts.projection.ProjectView;
import org.shanhai.payouts.projection.Projections;
import org.shanhai.payouts.village.VillageStore;
import org.shanhai.web.access.Actor;
import org.shanhai.web.paging.Page;
import org.shanhai.web.paging.PageRequest;
import org.shanhai.web.validation.NotFound;
import org.shanhai.web.write.IdempotencyKeys;
import org.shanhai.web.write.IdempotentCreate;
import org.shanhai.web.write.Stored;
import org.shanhai.web.write.Written;
import reactor.core.publisher.Mono;

/** Records aid-fund commitments and disbursements. */
public class AidTransferService {

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

  /**
   * Records aid committed or disbursed under a pairing (or its project): by the province, or by an
   * officer of either county of the pairing.
   */
  public Mono<Written<AidTransfer>> record(ReportedTransfer r, String requestHash, Actor actor, String key) {
    String user = actor.name();
    String id = IdempotencyKeys.idFor("aid", user, key);
    boolean projectNamed = r.projectId() != null && ProjectId.isWellFormed(r.projectId());
    Mono<Optional<PairingView>> pairing = optional(r.pairingId() == null ? Mono.empty() : projections.pairing(r.pairingId()));
    Mono<Optional<ProjectView>> project = optional(projectNamed ? projections.project(ProjectId.of(r.projectId()))
        : Mono.empty());
    Mono<Optional<CountyCode>> villageCounty = optional(r.villageId() == null ? Mono.empty()
        : villages.find(r.villageId()).map(stored -> stored.value().county()));
    Mono<AidTransfer.Totals> totals = r.pairingId() == null ? Mono.just(AidTransfer.Totals.NONE)
        : store.all(new AidTransferQuery(r.pairingId(), null, projectNamed ? ProjectId.of(r.projectId()) : null, null,
            null)).collectList().map(AidTransfer.Totals::of);
    Mono<AidTransfer> insert = Mono.zip(pairing, project, villageCounty, totals).flatMap(found -> {
      found.getT1().ifPresent(p -> actor.requireEitherSide(p.mountainCounty(), p.partnerCounty(),
          "recording aid under this pairing"));
      found.getT2().ifPresent(p -> actor.requireEitherSide(p.mountainCounty(), p.partnerCounty(),
          "recording aid for this project"));
      AidTransfer transfer = AidTransfer.record(id, r, found.getT1().orElse(null), found.getT2().orElse(null),
          found.getT3().orElse(null), found.getT4(), user, clock);
      return store.insert(transfer, requestHash).thenReturn(transfer);
    });
    return IdempotentCreate.create(insert, () -> store.find(id), requestHash, "a different transfer");
  }

  public Mono<AidTransfer> find(String id) {
    return store.find(id).map(Stored::value).switchIfEmpty(Mono.error(() -> new NotFound("aid transfer", id)));
  }

  public Mono<Page<AidTransfer>> search(AidTransferQuery query, PageRequest page) {
    return store.search(query, page);
  }

  private static <T> Mono<Optional<T>> optional(Mono<T> value) {
    return value.map(Optional::of).defaultIfEmpty(Optional.empty());
  }
}
