package org.shanhai.projects.pairing;

import org.shanhai.events.projects.PairingRegistered;
import org.shanhai.events.value.CountyCode;
import org.shanhai.web.paging.Page;
import org.shanhai.web.paging.PageRequest;
import org.shanhai.web.write.DuplicateKey;
import org.shanhai.web.write.Stored;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Where pairings are kept, with their outbox. */
public interface PairingStore {

  /**
   * Stores a new pairing with its event in one write; fails with {@link DuplicateKey} when its id
   * exists, or when the two counties already have a running pairing.
   */
  Mono<Void> insert(Pairing pairing, String requestHash, PairingRegistered event);

  Mono<Stored<Pairing>> find(String id);

  /** Stores the ended pairing with its event if it is still at {@code expectedSequence}; false otherwise. */
  Mono<Boolean> end(long expectedSequence, Pairing.Ended ended);

  Flux<Pairing> findByCounties(CountyCode mountainCounty, CountyCode partnerCounty);

  Mono<Page<Pairing>> list(CountyCode county, PageRequest page);
}
