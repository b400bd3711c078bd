package org.shanhai.payouts.village;

import java.time.Clock;

import org.shanhai.events.value.CountyCode;
import org.shanhai.events.value.Money;
import org.shanhai.payouts.projection.Projections;
import org.shanhai.web.access.Actor;
import org.shanhai.web.paging.Page;
import org.shanhai.web.paging.PageRequest;
import org.shanhai.web.validation.InvalidInput;
import org.shanhai.web.validation.NotFound;
import org.shanhai.web.write.CompareAndSet;
import org.shanhai.web.write.IdempotencyKeys;
import org.shanhai.web.write.IdempotentCreate;
import org.shanhai.web.write.Stored;
import org.shanhai.web.write.Written;
import reactor.core.publisher.Mono;

/** Registers village collectives and takes their yearly income reports. */
public class VillageService {

  private final VillageStore store;
  private final Projections projections;
  private final Money weakVillageThreshold;
  private final Clock clock;

  /** @param weakVillageThreshold a village with less operating income in a year is weak for it (集体经济薄弱村) */
  public VillageService(VillageStore store, Projections projections, Money weakVillageThreshold, Clock clock) {
    this.store = store;
    this.projections = projections;
    this.weakVillageThreshold = weakVillageThreshold;
    this.clock = clock;
  }

  /** Registers a village of a mountain county: by the province, or by that county's officer. */
  public Mono<Written<Village>> register(VillageRegistration request, String requestHash, Actor actor, String key) {
    String user = actor.name();
    String id = IdempotencyKeys.idFor("village", user, key);
    Mono<Village> insert = Mono.defer(() -> {
      Village village = Village.register(id, request, user, clock);
      actor.requireCounty(village.county(), "registering a village");
      return projections.isMountainCounty(village.county()).flatMap(known -> known
          ? store.insert(village, requestHash).thenReturn(village)
          : Mono.error(new InvalidInput("county", "not-a-mountain-county", village.county()
              + " is not the mountain county of any pairing this service knows (GB/T 2260 code)")));
    });
    return IdempotentCreate.create(insert, () -> store.find(id), requestHash, "a different village");
  }

  public Mono<Village> find(String id) {
    return store.find(id).map(Stored::value).switchIfEmpty(Mono.error(() -> new NotFound("village", id)));
  }

  public Mono<Page<Village>> list(CountyCode county, PageRequest page) {
    return store.list(county, page);
  }

  /** Reports a year's income; a concurrent change to the same village is decided again on its fresh state. */
  public Mono<Village.Reported> report(String villageId, ReportedIncome request, Actor actor) {
    return CompareAndSet.retry(find(villageId).flatMap(village -> {
      actor.requireCounty(village.county(), "reporting this village's income");
      Village.Reported reported = village.report(request, weakVillageThreshold, actor.name(), clock);
      return store.apply(village.sequence(), reported).filter(applied -> applied).map(applied -> reported);
    }), "village " + villageId);
  }
}
