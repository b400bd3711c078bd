package org.shanhai.alerts.subscription;

import org.shanhai.web.paging.Page;
import org.shanhai.web.paging.PageRequest;
import org.shanhai.web.write.DuplicateKey;
import org.shanhai.web.write.Stored;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Where subscriptions are kept. */
public interface SubscriptionStore {

  /** Stores a new subscription; fails with {@link DuplicateKey} when its id exists (a replayed Idempotency-Key). */
  Mono<Void> insert(Subscription subscription, String requestHash);

  /** Stores the change if the subscription is still at {@code expectedVersion}. */
  Mono<Boolean> apply(long expectedVersion, Subscription subscription);

  Mono<Stored<Subscription>> find(String id);

  /** A page of the subscriptions not deleted, oldest first: all of them, or those {@code owner} made. */
  Mono<Page<Subscription>> list(String owner, PageRequest page);

  /** The active webhook subscriptions: those an alert event may be delivered to. */
  Flux<Subscription> activeWebhooks();
}
