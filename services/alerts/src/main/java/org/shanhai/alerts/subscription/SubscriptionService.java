package org.shanhai.alerts.subscription;

import java.time.Clock;
import java.util.function.Function;

import org.shanhai.web.IdempotencyKeys;
import org.shanhai.web.paging.Page;
import org.shanhai.web.paging.PageRequest;
import org.shanhai.web.validation.Conflict;
import org.shanhai.web.validation.NotFound;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Subscriptions: made, listed, rotated, disabled (by a receiver's 410), enabled and deleted. */
@Service
public class SubscriptionService {

  private final SubscriptionStore store;
  private final WebhookUrlPolicy urls;
  private final Clock clock;

  SubscriptionService(SubscriptionStore store, WebhookUrlPolicy urls, Clock clock) {
    this.store = store;
    this.urls = urls;
    this.clock = clock;
  }

  public record Registered(Subscription.Created created, boolean replayed) {
  }

  public Mono<Registered> create(Subscription.Request request, String requestHash, String user, String key) {
    String id = IdempotencyKeys.idFor("subscription", user, key);
    String url = request.channel() == null ? null : request.channel().url();
    // The URL policy resolves the host: a blocking call, kept off the event loop.
    return Mono.fromCallable(() -> url == null ? "" : urls.refusal(url).orElse(""))
        .subscribeOn(Schedulers.boundedElastic())
        .flatMap(refusal -> {
          Subscription.Created created = Subscription.create(id, request, refusal.isEmpty() ? null : refusal, user,
              clock.instant());
          return store.insert(created.subscription(), requestHash).thenReturn(new Registered(created, false));
        })
        .onErrorResume(SubscriptionStore.Duplicate.class, e -> store.find(id).map(stored -> {
          if (!stored.requestHash().equals(requestHash)) {
            throw new Conflict(Conflict.Kind.IDEMPOTENCY_KEY_REUSED,
                "this Idempotency-Key was already used for a different subscription");
          }
          return new Registered(new Subscription.Created(stored.subscription(), null), true);
        }));
  }

  public Mono<Subscription> find(String id) {
    return store.find(id).map(SubscriptionStore.Stored::subscription)
        .filter(s -> s.status() != Subscription.Status.DELETED)
        .switchIfEmpty(Mono.error(() -> new NotFound("subscription", id)));
  }

  public Mono<Page<Subscription>> list(PageRequest page) {
    return store.all().collectList().map(all -> Page.of(all, page));
  }

  public Mono<Subscription.Created> rotate(String id, Subscription.Rotation rotation) {
    return change(id, s -> s.rotate(rotation, clock.instant()));
  }

  public Mono<Subscription> enable(String id) {
    return change(id, s -> new Subscription.Created(s.enabled(), null)).map(Subscription.Created::subscription);
  }

  public Mono<Void> delete(String id) {
    return change(id, s -> new Subscription.Created(s.deleted(), null)).then();
  }

  /** Turns a subscription off because its receiver said 410 Gone; a no-op when it is already off. */
  public Mono<Void> disable(String id, String reason) {
    return change(id, s -> new Subscription.Created(s.isActive() ? s.disabled(reason) : s, null)).then()
        .onErrorResume(NotFound.class, e -> Mono.empty());
  }

  private Mono<Subscription.Created> change(String id, Function<Subscription, Subscription.Created> change) {
    return Mono.defer(() -> find(id).flatMap(current -> {
      Subscription.Created changed = change.apply(current);
      if (changed.subscription() == current) {
        return Mono.just(changed);
      }
      return store.apply(current.version(), changed.subscription()).filter(applied -> applied).map(applied -> changed);
    })).repeatWhenEmpty(4, repeats -> repeats)
        .switchIfEmpty(Mono.error(() -> new Conflict(Conflict.Kind.PRECONDITION_FAILED,
            "subscription " + id + " kept changing; retry")));
  }

  /** Whether {@code url} may be called now; blocking (it resolves the host), for the delivery worker's threads. */
  public java.util.Optional<String> refusal(String url) {
    return urls.refusal(url);
  }
}
