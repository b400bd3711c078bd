package org.shanhai.payouts.village;

import java.time.Clock;

import org.shanhai.payouts.config.PayoutsProperties;
import org.shanhai.payouts.projection.Projections;
import org.shanhai.web.IdempotencyKeys;
import org.shanhai.web.paging.Page;
import org.shanhai.web.paging.PageRequest;
import org.shanhai.web.validation.Conflict;
import org.shanhai.web.validation.InvalidInput;
import org.shanhai.web.validation.NotFound;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Registers village collectives and takes their yearly income reports. */
@Service
public class VillageService {

  private static final int MAX_ATTEMPTS = 5;

  private final VillageStore store;
  private final Projections projections;
  private final PayoutsProperties properties;
  private final Clock clock;

  public VillageService(VillageStore store, Projections projections, PayoutsProperties properties, Clock clock) {
    this.store = store;
    this.projections = projections;
    this.properties = properties;
    this.clock = clock;
  }

  public record Registered(Village village, boolean replayed) {
  }

  public Mono<Registered> register(Village.Registration request, String requestHash, String user, String key) {
    String id = IdempotencyKeys.idFor("village", user, key);
    return Mono.defer(() -> {
      Village village = Village.register(id, request, user, clock);
      return projections.isMountainCounty(village.county()).flatMap(known -> {
        if (!known) {
          return Mono.error(new InvalidInput("county", "not-a-mountain-county", village.county()
              + " is not the mountain county of any pairing this service knows (GB/T 2260 code)"));
        }
        return store.insert(village, requestHash).thenReturn(new Registered(village, false));
      });
    }).onErrorResume(VillageStore.DuplicateVillage.class, e -> store.find(id).map(stored -> {
      if (!stored.requestHash().equals(requestHash)) {
        throw new Conflict(Conflict.Kind.IDEMPOTENCY_KEY_REUSED,
            "this Idempotency-Key was already used for a different village");
      }
      return new Registered(stored.village(), true);
    }));
  }

  public Mono<Village> find(String id) {
    return store.find(id).map(VillageStore.StoredVillage::village)
        .switchIfEmpty(Mono.error(() -> new NotFound("village", id)));
  }

  public Mono<Page<Village>> list(String county, PageRequest page) {
    return store.list(county, page);
  }

  /** Reports a year's income; a concurrent change to the same village is retried on its fresh state. */
  public Mono<Village.Reported> report(String villageId, Village.IncomeRequest request, String user) {
    return Mono.defer(() -> find(villageId).flatMap(village -> {
          Village.Reported reported = village.report(request, properties.weakVillageThreshold(), user, clock);
          return store.apply(village.sequence(), reported).filter(applied -> applied).map(applied -> reported);
        }))
        .repeatWhenEmpty(MAX_ATTEMPTS - 1, repeats -> repeats)
        .switchIfEmpty(Mono.error(() -> new Conflict(Conflict.Kind.PRECONDITION_FAILED,
            "village " + villageId + " kept changing; retry")));
  }
}
