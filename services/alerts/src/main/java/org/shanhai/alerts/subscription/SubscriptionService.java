package org.shanhai.alerts.subscription;

import java.time.Clock;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.shanhai.web.paging.Page;
import org.shanhai.web.paging.PageRequest;
import org.shanhai.web.validation.NotFound;
import org.shanhai.web.write.CompareAndSet;
import org.shanhai.web.write.IdempotencyKeys;
import org.shanhai.web.write.IdempotentCreate;
import org.shanhai.web.write.Stored;
import org.shanhai.web.write.Written;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Subscriptions: made, listed, rotated, disabled (by a receiver's 410), enabled and deleted. */
public class SubscriptionService {

  private final SubscriptionStore store;
  private final WebhookUrlPolicy urls;
  private final Clock clock;

  public SubscriptionService(SubscriptionStore store, WebhookUrlPolicy urls, Clock clock) {
    this.store = store;
    this.urls = urls;
    this.clock = clock;
  }

  public Mono<Written<Subscription.Created>> create(Subscription.Order order, String requestHash, String user,
      String key) {
    String id = IdempotencyKeys.idFor("subscription", user, key);
    String url = order.channel() == null ? null : order.channel().url();
    // The URL policy resolves the host: a blocking call, kept off the event loop.
    Mono<Subscription.Created> insert = Mono.fromCallable(() -> url == null ? "" : urls.refusal(url).orElse(""))
        .subscribeOn(Schedulers.boundedElastic())
        .flatMap(refusal -> {
          Subscription.Created created = Subscription.create(id, order, refusal.isEmpty() ? null : refusal, user,
              clock.instant());
          return store.insert(created.subscription(), requestHash).thenReturn(created);
        });
    // A replay shows the subscription, not its secret again: that was shown once.
    return IdempotentCreate.create(insert, () -> store.find(id).map(stored -> new Stored<>(
        new Subscription.Created(stored.value(), null), stored.requestHash())), requestHash, "a different subscription");
  }

  public Mono<Subscription> find(String id) {
    return store.find(id).map(Stored::value)
        .filter(s -> s.status() != Subscription.Status.DELETED)
        .switchIfEmpty(Mono.error(() -> new NotFound("subscription", id)));
  }

  public Mono<Page<Subscription>> list(PageRequest page) {
    return store.list(page);
  }

  public Flux<Subscription> activeWebhooks() {
    return store.activeWebhooks();
  }

  /** A new secret signs from now on; the generated one, if any, is shown this once. */
  public Mono<Subscription.Created> rotate(String id, Subscription.Rotation rotation) {
    return CompareAndSet.retry(find(id).flatMap(current -> {
      Subscription.Created rotated = current.rotate(rotation, clock.instant());
      return store.apply(current.version(), rotated.subscription()).filter(applied -> applied).map(applied -> rotated);
    }), "subscription " + id);
  }

  public Mono<Subscription> enable(String id) {
    return change(id, Subscription::enabled);
  }

  public Mono<Void> delete(String id) {
    return change(id, Subscription::deleted).then();
  }

  /** Turns a subscription off because its receiver said 410 Gone; a no-op when it is already off. */
  public Mono<Void> disable(String id, String reason) {
    return change(id, s -> s.isActive() ? s.disabled(reason) : s).then()
        .onErrorResume(NotFound.class, e -> Mono.empty());
  }

  private Mono<Subscription> change(String id, UnaryOperator<Subscription> change) {
    return CompareAndSet.retry(find(id).flatMap(current -> {
      Subscription changed = change.apply(current);
      return changed == current ? Mono.just(current)
          : store.apply(current.version(), changed).filter(applied -> applied).map(applied -> changed);
    }), "subscription " + id);
  }

  /** Why {@code url} may not be called now, if it may not; blocking (it resolves the host), for the delivery worker's threads. */
  public Optional<String> refusal(String url) {
    return urls.refusal(url);
  }
}
