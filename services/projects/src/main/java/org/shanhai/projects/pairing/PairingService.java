package org.shanhai.projects.pairing;

import java.time.Clock;

import org.shanhai.projects.county.Counties;
import org.shanhai.web.IdempotencyKeys;
import org.shanhai.web.paging.Page;
import org.shanhai.web.paging.PageRequest;
import org.shanhai.web.validation.Conflict;
import org.shanhai.web.validation.NotFound;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Registers and finds pairings. */
@Service
public class PairingService {

  private final PairingStore store;
  private final Counties counties;
  private final Clock clock;

  public PairingService(PairingStore store, Counties counties, Clock clock) {
    this.store = store;
    this.counties = counties;
    this.clock = clock;
  }

  /** The outcome of a registration: {@code replayed} when an earlier request with the same key created it. */
  public record Outcome(Pairing pairing, boolean replayed) {
  }

  public Mono<Outcome> register(Pairing.Registration registration, String requestHash, String user,
      String idempotencyKey) {
    String id = IdempotencyKeys.idFor("pairing", user, idempotencyKey);
    return Mono.defer(() -> {
      Pairing.Registered registered = Pairing.register(id, registration, counties, user, clock);
      Pairing pairing = registered.pairing();
      return store.findByCounties(pairing.mountainCounty(), pairing.partnerCounty())
          .filter(existing -> !existing.id().equals(id) && existing.overlaps(pairing.since(), pairing.until()))
          .next()
          .flatMap(existing -> Mono.<Outcome>error(overlapping(existing)))
          .switchIfEmpty(Mono.defer(() -> store.insert(pairing, requestHash, registered.event())
              .thenReturn(new Outcome(pairing, false))))
          .onErrorResume(PairingStore.DuplicatePairing.class, e -> replayOrConflict(id, requestHash));
    });
  }

  /** Ends a running pairing; ending it again with the same year answers the pairing as it is. */
  public Mono<Pairing> end(String id, Integer until, String user) {
    return find(id).flatMap(pairing -> {
      Pairing.Ended ended = pairing.end(until, user, clock);
      if (ended == null) {
        return Mono.just(pairing);
      }
      return store.end(pairing.sequence(), ended).flatMap(applied -> applied ? Mono.just(ended.pairing())
          : Mono.error(new Conflict(Conflict.Kind.PRECONDITION_FAILED, "pairing " + id + " changed meanwhile; retry")));
    });
  }

  public Mono<Pairing> find(String id) {
    return store.find(id).map(PairingStore.StoredPairing::pairing)
        .switchIfEmpty(Mono.error(() -> new NotFound("pairing", id)));
  }

  public Mono<Page<Pairing>> list(String county, PageRequest page) {
    return store.list(county, page);
  }

  private Mono<Outcome> replayOrConflict(String id, String requestHash) {
    return store.find(id)
        .map(stored -> {
          if (!stored.requestHash().equals(requestHash)) {
            throw new Conflict(Conflict.Kind.IDEMPOTENCY_KEY_REUSED,
                "this Idempotency-Key was already used for a different pairing request");
          }
          return new Outcome(stored.pairing(), true);
        })
        // Not our id: a concurrent registration took the one open-ended slot for these counties.
        .switchIfEmpty(Mono.error(() -> new Conflict(Conflict.Kind.EXISTS,
            "a running pairing of these two counties already exists")));
  }

  private static Conflict overlapping(Pairing existing) {
    return new Conflict(Conflict.Kind.EXISTS, "pairing " + existing.id() + " of these two counties already runs "
        + existing.since() + "–" + (existing.until() == null ? "" : existing.until())
        + "; end it before registering another", "/api/v1/pairings/" + existing.id());
  }
}
