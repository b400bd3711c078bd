package org.shanhai.projects.pairing;

import org.shanhai.events.projects.PairingRegistered;
import org.shanhai.web.paging.Page;
import org.shanhai.web.paging.PageRequest;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Where pairings are kept, with their outbox. */
public interface PairingStore {

  /** Stores a new pairing with its event in one write; errors with {@link DuplicatePairing} when it collides. */
  Mono<Void> insert(Pairing pairing, String requestHash, PairingRegistered event);

  Mono<StoredPairing> find(String id);

  /** Stores the ended pairing with its event if it is still at {@code expectedSequence}; false otherwise. */
  Mono<Boolean> end(long expectedSequence, Pairing.Ended ended);

  Flux<Pairing> findByCounties(String mountainCounty, String partnerCounty);

  Mono<Page<Pairing>> list(String county, PageRequest page);

  /** A pairing with the fingerprint of the request that created it (for idempotent replays). */
  record StoredPairing(Pairing pairing, String requestHash) {
  }

  /** The id, or the open-ended slot for the two counties, is taken. */
  final class DuplicatePairing extends RuntimeException {
    public DuplicatePairing(Throwable cause) {
      super(cause.getMessage(), cause);
    }
  }
}
