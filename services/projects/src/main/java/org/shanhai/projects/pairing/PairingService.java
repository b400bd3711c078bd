package org.shanhai.projects.pairing;

import java.time.Clock;

import org.shanhai.events.value.CountyCode;
import org.shanhai.projects.county.Counties;
import org.shanhai.web.access.Actor;
import org.shanhai.web.paging.Page;
import org.shanhai.web.paging.PageRequest;
import org.shanhai.web.validation.Conflict;
import org.shanhai.web.validation.NotFound;
import org.shanhai.web.write.CompareAndSet;
import org.shanhai.web.write.DuplicateKey;
import org.shanhai.web.write.IdempotencyKeys;
import org.shanhai.web.write.IdempotentCreate;
import org.shanhai.web.write.Stored;
import org.shanhai.web.write.Written;
import reactor.core.publisher.Mono;

/** Registers, ends and finds pairings. */
public class PairingService {

  private final PairingStore store;
  private final Counties counties;
  private final Clock clock;

  public PairingService(PairingStore store, Counties counties, Clock clock) {
    this.store = store;
    this.counties = counties;
    this.clock = clock;
  }

  /** Registers a pairing unless the two counties already have one running in any of its years. */
  public Mono<Written<Pairing>> register(PairingRegistration registration, String requestHash, Actor actor,
      String idempotencyKey) {
    actor.requireProvince("registering a pairing");
    String user = actor.name();
    String id = IdempotencyKeys.idFor("pairing", user, idempotencyKey);
    Mono<Pairing> insert = Mono.defer(() -> {
      Pairing.Registered registered = Pairing.register(id, registration, counties, user, clock);
      Pairing pairing = registered.pairing();
      return store.findByCounties(pairing.mountainCounty(), pairing.partnerCounty())
          .filter(existing -> !existing.id().equals(id) && existing.overlaps(pairing.since(), pairing.until()))
          .next()
          .flatMap(existing -> Mono.<Pairing>error(overlapping(existing)))
          .switchIfEmpty(Mono.defer(() -> store.insert(pairing, requestHash, registered.event()).thenReturn(pairing)));
    });
    return IdempotentCreate.create(insert, () -> store.find(id), requestHash, "a different pairing request")
        // Not our id: a concurrent registration took the one open-ended slot for these counties.
        .onErrorMap(DuplicateKey.class, e -> new Conflict(Conflict.Kind.EXISTS,
            "a running pairing of these two counties already exists"));
  }

  /** Ends a running pairing; ending it again with the same year answers the pairing as it is. */
  public Mono<Pairing> end(String id, Integer until, Actor actor) {
    actor.requireProvince("ending a pairing");
    return CompareAndSet.retry(find(id).flatMap(pairing -> {
      Pairing.Ended ended = pairing.end(until, actor.name(), clock);
      if (ended == null) {
        return Mono.just(pairing);
      }
      return store.end(pairing.sequence(), ended).filter(applied -> applied).map(applied -> ended.pairing());
    }), "pairing " + id);
  }

  public Mono<Pairing> find(String id) {
    return store.find(id).map(Stored::value).switchIfEmpty(Mono.error(() -> new NotFound("pairing", id)));
  }

  /** The pairing of these two counties that runs today, if there is one. */
  public Mono<Pairing> findRunning(CountyCode mountainCounty, CountyCode partnerCounty) {
    return store.findByCounties(mountainCounty, partnerCounty).filter(p -> p.isActive(clock)).next();
  }

  public Mono<Page<Pairing>> list(CountyCode county, PageRequest page) {
    return store.list(county, page);
  }

  private static Conflict overlapping(Pairing existing) {
    return new Conflict(Conflict.Kind.EXISTS, "pairing " + existing.id() + " of these two counties already runs "
        + existing.since() + "–" + (existing.until() == null ? "" : existing.until())
        + "; end it before registering another", "/api/v1/pairings/" + existing.id());
  }
}
