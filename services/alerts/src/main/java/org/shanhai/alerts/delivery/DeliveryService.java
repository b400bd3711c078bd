package org.shanhai.alerts.delivery;

import java.time.Clock;
import java.time.Instant;

import org.shanhai.alerts.subscription.SubscriptionService;
import org.shanhai.web.access.Actor;
import org.shanhai.web.paging.Page;
import org.shanhai.web.paging.PageRequest;
import org.shanhai.web.validation.InvalidInput;
import reactor.core.publisher.Mono;

/** A subscription's deliveries with every attempt, and their recovery (send again what failed since a time). */
public class DeliveryService {

  private final DeliveryStore deliveries;
  private final SubscriptionService subscriptions;
  private final Clock clock;

  public DeliveryService(DeliveryStore deliveries, SubscriptionService subscriptions, Clock clock) {
    this.deliveries = deliveries;
    this.subscriptions = subscriptions;
    this.clock = clock;
  }

  public Mono<Page<Delivery>> of(String subscriptionId, Delivery.Status status, Actor reader, PageRequest page) {
    return subscriptions.find(subscriptionId, reader)
        .flatMap(s -> deliveries.ofSubscription(s.id(), status, page));
  }

  /**
   * Sends again, with the same {@code webhook-id} and a fresh retry budget, every delivery that
   * failed since {@code since}; returns how many. The subscription must be active (enable it first
   * after a 410).
   */
  public Mono<Long> recover(String subscriptionId, Instant since, Actor actor) {
    Instant now = clock.instant();
    if (since.isAfter(now)) {
      return Mono.error(new InvalidInput("since", "in-the-future", "since must not be in the future"));
    }
    return subscriptions.find(subscriptionId)
        .doOnNext(s -> actor.requireOwner(s.createdBy(), "subscription " + subscriptionId + " (recovering it)"))
        .flatMap(s -> s.isActive() ? deliveries.recover(s.id(), since, now)
            : Mono.error(new InvalidInput("subscription", "not-active", "subscription " + s.id() + " is " + s.status()
                + (s.statusReason() == null ? "" : " (" + s.statusReason() + ")") + "; enable it before recovering")));
  }
}
