package org.shanhai.payouts.shareholding;

import java.time.LocalDate;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Where shareholdings are kept, each with its payout schedule and its outbox, one document each. */
public interface ShareholdingStore {

  /** Stores a new shareholding with its events; errors with {@link DuplicateShareholding} when the id exists. */
  Mono<Void> insert(Shareholding.Changed registered, String requestHash);

  Mono<StoredShareholding> find(String id);

  /** Stores a change with its events if the shareholding is still at {@code expectedSequence}; false otherwise. */
  Mono<Boolean> apply(long expectedSequence, Shareholding.Changed changed);

  /** Shareholdings matching the filters (each null when not asked for). */
  Flux<Shareholding> search(String county, String pairingId, String projectId, String villageId);

  /** Shareholdings with a payout still open whose due date is {@code today} or earlier. */
  Flux<Shareholding> withOpenPayoutsDueBy(LocalDate today);

  record StoredShareholding(Shareholding shareholding, String requestHash) {
  }

  final class DuplicateShareholding extends RuntimeException {
    public DuplicateShareholding(Throwable cause) {
      super(cause.getMessage(), cause);
    }
  }
}
