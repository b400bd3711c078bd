package org.shanhai.alerts.subscription;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Where subscriptions are kept. */
public interface SubscriptionStore {

  /** Stores a new subscription; fails with {@link Duplicate} when its id exists (a replayed Idempotency-Key). */
  Mono<Void> insert(Subscription subscription, String requestHash);

  /** Stores the change if the subscription is still at {@code expectedVersion}. */
  Mono<Boolean> apply(long expectedVersion, Subscription subscription);

  Mono<Stored> find(String id);

  /** Every subscription not deleted. */
  Flux<Subscription> all();

  record Stored(Subscription subscription, String requestHash) {
  }

  final class Duplicate extends RuntimeException {
    public Duplicate(Throwable cause) {
      super(cause);
    }
  }
}
