package org.shanhai.alerts.subscription;

import java.time.Clock;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.shanhai.alerts.Reason;
import org.shanhai.web.access.Actor;
import org.shanhai.web.access.Forbidden;
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

  /**
   * Subscribes {@code actor}: the province to anything; an officer to alerts of their own counties
   * only ({@link org.shanhai.alerts.matcher.Matchers#confinedTo}).
   */
  public Mono<Written<Subscription.Created>> create(Subscription.Order order, String requestHash, Actor actor,
      String key) {
    String user = actor.name();
    String id = IdempotencyKeys.idFor("subscription", user, key);
    String url = order.channel() == null ? null : order.channel().url();
    // The URL policy resolves the host: a blocking call, kept off the event loop.
    Mono<Subscription.Created> insert = Mono.fromCallable(() -> url == null ? "" : urls.refusal(url).orElse(""))
        .subscribeOn(Schedulers.boundedElastic())
        .flatMap(refusal -> {
          Subscription.Created created = Subscription.create(id, order, refusal.isEmpty() ? null : refusal, user,
              clock.instant());
          if (!actor.isProvince()) {
            created = new Subscription.Created(created.subscription().confinedTo(actor), created.generatedSecret());
          }
          return store.insert(created.subscription(), requestHash).thenReturn(created);
        });
    // A replay shows the subscription, not its secret again: that was shown once.
    return IdempotentCreate.create(insert, () -> store.find(id).map(stored -> new Stored<>(
        new Subscription.Created(stored.value(), null), stored.requestHash())), requestHash, "a different subscription");
  }

  /** A subscription as {@code reader} may see it: their own, or any for the province. */
  public Mono<Subscription> find(String id, Actor reader) {
    return find(id).doOnNext(s -> {
      if (!reader.mayRead(s.createdBy())) {
        throw new Forbidden("owner", "subscription " + id + " is " + s.createdBy() + "'s");
      }
    });
  }

  public Mono<Subscription> find(String id) {
    return store.find(id).map(Stored::value)
        .filter(s -> s.status() != Subscription.Status.DELETED)
        .switchIfEmpty(Mono.error(() -> new NotFound("subscription", id)));
  }

  /** The subscriptions {@code reader} may see: their own, or all for the province. */
  public Mono<Page<Subscription>> list(Actor reader, PageRequest page) {
    return store.list(reader.isProvince() ? null : reader.name(), page);
  }

  public Flux<Subscription> activeWebhooks() {
    return store.activeWebhooks();
  }

  /** A new secret signs from now on; the generated one, if any, is shown this once. */
  public Mono<Subscription.Created> rotate(String id, Subscription.Rotation rotation, Actor actor) {
    return CompareAndSet.retry(owned(id, actor, "rotating its secret").flatMap(current -> {
      Subscription.Created rotated = current.rotate(rotation, clock.instant());
      return store.apply(current.version(), rotated.subscription()).filter(applied -> applied).map(applied -> rotated);
    }), "subscription " + id);
  }

  public Mono<Subscription> enable(String id, Actor actor) {
    return owned(id, actor, "enabling it").then(change(id, Subscription::enabled));
  }

  /** Turns a subscription off at its owner's (or the province's) request; enable turns it on again. */
  public Mono<Subscription> disable(String id, Actor actor) {
    return owned(id, actor, "disabling it")
        .then(change(id, s -> s.isActive() ? s.disabled(new Reason(Subscription.OFFICER,
            "disabled by " + actor.name())) : s));
  }

  public Mono<Void> delete(String id, Actor actor) {
    return owned(id, actor, "deleting it").then(change(id, Subscription::deleted)).then();
  }

  /** The subscription, if {@code actor} may change it: their own, or any for the province. */
  private Mono<Subscription> owned(String id, Actor actor, String what) {
    return find(id).doOnNext(s -> actor.requireOwner(s.createdBy(), "subscription " + id + " (" + what + ")"));
  }

  /** Turns a subscription off because its receiver said 410 Gone ({@code detail}: when); a no-op when it is off. */
  public Mono<Void> disableAsGone(String id, String detail) {
    return change(id, s -> s.isActive() ? s.disabled(new Reason(Subscription.GONE, detail)) : s).then()
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
