package org.shanhai.alerts.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.shanhai.alerts.Reason;
import org.shanhai.alerts.subscription.Subscription;
import org.shanhai.alerts.subscription.SubscriptionService;
import org.shanhai.web.validation.NotFound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Sends the deliveries whose time has come, several at once, from its own thread (never a Netty
 * thread), woken by the fan-out when a delivery is due at once and polling for retries and grouping
 * windows: lease one, check its subscription and URL, send, record the outcome with the next
 * attempt's time (exponential backoff with jitter, {@code Retry-After} honoured), disable the
 * subscription on 410. A worker that dies mid-attempt leaves a lease that runs out, and the next
 * worker sends again with the same {@code webhook-id}: at least once, as the spec allows.
 */
public class DeliveryWorker implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
  private static final int BATCH = 32;
  private static final int CONCURRENCY = 8;

  private final DeliveryStore deliveries;
  private final SubscriptionService subscriptions;
  private final Webhooks webhooks;
  private final DeliveryMetrics metrics;
  private final Clock clock;
  private final DeliverySettings settings;
  private final String owner = UUID.randomUUID().toString();
  private final Semaphore nudges = new Semaphore(0);
  private volatile boolean running;
  private Thread thread;

  public DeliveryWorker(DeliveryStore deliveries, SubscriptionService subscriptions, Webhooks webhooks,
      DeliveryMetrics metrics, Clock clock, DeliverySettings settings) {
    this.deliveries = deliveries;
    this.subscriptions = subscriptions;
    this.webhooks = webhooks;
    this.metrics = metrics;
    this.clock = clock;
    this.settings = settings;
  }

  /** Something became deliverable now: send it without waiting for the next poll. */
  void nudge() {
    nudges.release();
  }

  public synchronized void start() {
    running = true;
    thread = new Thread(() -> {
      while (running) {
        try {
          nudges.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
          nudges.drainPermits();
          round();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }, "delivery-worker");
    thread.setDaemon(true);
    thread.start();
  }

  public boolean isRunning() {
    return running;
  }

  /** Finishes the attempts in flight (their outcome is recorded) and stops; what is pending waits for the next start. */
  @Override
  public synchronized void close() {
    running = false;
    nudges.release();
    if (thread == null) {
      return;
    }
    try {
      thread.join(settings.lease().toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  void round() {
    try {
      Long sent;
      do {
        AtomicInteger claimed = new AtomicInteger(1);
        sent = claim().expand(d -> claimed.getAndIncrement() < BATCH ? claim() : Mono.empty())
            .flatMap(this::attempt, CONCURRENCY)
            .count()
            .block(settings.lease());
      } while (sent != null && sent == BATCH);
    } catch (RuntimeException e) {
      log.warn("delivery round failed; leases run out and the next round retries: {}", e.toString());
    }
  }

  private Mono<Delivery> claim() {
    Instant now = clock.instant();
    return deliveries.claim(now, now.plus(settings.lease()), owner);
  }

  private Mono<Delivery> attempt(Delivery delivery) {
    return subscriptions.find(delivery.subscriptionId())
        .flatMap(subscription -> {
          if (!subscription.isActive()) {
            return refuse(delivery, new Reason(Delivery.SUBSCRIPTION_OFF,
                "the subscription is " + subscription.status()));
          }
          return Mono.fromCallable(() -> subscriptions.refusal(subscription.channel().url()).orElse(""))
              .subscribeOn(Schedulers.boundedElastic())
              .flatMap(refusal -> refusal.isEmpty() ? send(delivery, subscription)
                  : refuse(delivery, new Reason(Delivery.URL_REFUSED, refusal)));
        })
        .onErrorResume(NotFound.class, e -> refuse(delivery,
            new Reason(Delivery.SUBSCRIPTION_OFF, "the subscription was deleted")));
  }

  private Mono<Delivery> send(Delivery delivery, Subscription subscription) {
    Instant started = clock.instant();
    long t0 = System.nanoTime();
    return webhooks.send(delivery, subscription).flatMap(response -> {
      Duration took = Duration.ofNanos(System.nanoTime() - t0);
      Delivery after = delivery.after(response, took.toMillis(), started, settings.backoff());
      String outcome = switch (after.status()) {
        case DELIVERED -> "delivered";
        case PENDING -> "retrying";
        default -> response.gone() ? "gone" : "failed";
      };
      metrics.attempt(outcome, took);
      metrics.notification("webhook", outcome);
      if (after.status() == Delivery.Status.DELIVERED) {
        Instant now = clock.instant();
        after.items().forEach(i -> metrics.eventToNotification("webhook", Duration.between(i.since(), now)));
      }
      Mono<Void> disable = response.gone()
          ? subscriptions.disableAsGone(subscription.id(), "the receiver answered 410 Gone at " + started)
          : Mono.empty();
      return deliveries.record(after, owner).then(disable).thenReturn(after);
    });
  }

  private Mono<Delivery> refuse(Delivery delivery, Reason why) {
    metrics.notification("webhook", "refused");
    Delivery after = delivery.refused(why, clock.instant());
    return deliveries.record(after, owner).thenReturn(after);
  }
}
