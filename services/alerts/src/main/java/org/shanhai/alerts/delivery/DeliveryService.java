package org.shanhai.alerts.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.shanhai.alerts.subscription.SubscriptionService;
import org.shanhai.web.access.Actor;
import org.shanhai.web.paging.Page;
import org.shanhai.web.paging.PageRequest;
import org.shanhai.web.validation.InvalidInput;
import reactor.core.publisher.Mono;

/** A subscription's deliveries with every attempt, and their recovery (send again what failed since a time). */
public class DeliveryService {

  /** The event type of a test notification's one item, so a receiver can tell it from an alert's. */
  public static final String TEST_EVENT_TYPE = "org.shanhai.alerts.test.v1";

  private final DeliveryStore deliveries;
  private final SubscriptionService subscriptions;
  private final DeliveryWorker worker;
  private final Clock clock;

  public DeliveryService(DeliveryStore deliveries, SubscriptionService subscriptions, DeliveryWorker worker,
      Clock clock) {
    this.deliveries = deliveries;
    this.subscriptions = subscriptions;
    this.worker = worker;
    this.clock = clock;
  }

  /**
   * Sends a test notification to an active webhook subscription, signed and retried like any other,
   * so its owner sees in its deliveries whether the receiver takes it. Its one item has the type
   * {@value #TEST_EVENT_TYPE}, names no alert, and carries {@code event} (JSON) as its event.
   */
  public Mono<Delivery> test(String subscriptionId, Actor actor, String event) {
    return subscriptions.find(subscriptionId)
        .doOnNext(s -> actor.requireOwner(s.createdBy(), "subscription " + subscriptionId + " (testing it)"))
        .flatMap(s -> {
          if (!s.isActive() || s.channel().url() == null) {
            return Mono.error(new InvalidInput("subscription", "not-active", "subscription " + s.id() + " is "
                + s.status() + " or has no webhook; only an active webhook can be tested"));
          }
          Instant now = clock.instant();
          String eventId = "test-" + UUID.randomUUID();
          Delivery delivery = Delivery.pending(Fanout.id(s, eventId), s.id(), new Delivery.Item(eventId,
              TEST_EVENT_TYPE, null, null, null, now, event), now, now);
          return deliveries.insert(delivery).doOnNext(stored -> worker.nudge()).thenReturn(delivery);
        });
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
                + (s.statusReason() == null ? "" : " (" + s.statusReason().detail() + ")")
                + "; enable it before recovering")));
  }
}
