package org.shanhai.alerts.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.shanhai.alerts.Reason;
import org.shanhai.alerts.alert.AlertStore;
import org.shanhai.alerts.rule.RuleId;
import org.shanhai.alerts.silence.SilenceService;
import org.shanhai.alerts.subscription.Subscription;
import org.shanhai.alerts.subscription.SubscriptionService;
import org.shanhai.events.alerts.Alert;
import org.shanhai.events.alerts.AlertAcknowledged;
import org.shanhai.events.alerts.AlertEvent;
import org.shanhai.events.alerts.AlertFired;
import org.shanhai.events.alerts.AlertResolved;
import reactor.core.publisher.Mono;

/**
 * Turns each alert event of {@code shanhai.alerts.v1} into deliveries for the webhook
 * subscriptions it matches. Delivery ids derive from the subscription and the event (or the
 * grouping window), so a redelivered event adds nothing. Fired and escalated alerts are notified,
 * resolved ones where the subscription wants them; acknowledgements are not. Silenced or inhibited
 * notifications are stored as suppressed, with the reason, and not sent.
 */
public class Fanout {

  private final SubscriptionService subscriptions;
  private final SilenceService silences;
  private final AlertStore alerts;
  private final DeliveryStore deliveries;
  private final DeliveryMetrics metrics;
  private final DeliveryWorker worker;
  private final Clock clock;

  public Fanout(SubscriptionService subscriptions, SilenceService silences, AlertStore alerts,
      DeliveryStore deliveries, DeliveryMetrics metrics, DeliveryWorker worker, Clock clock) {
    this.subscriptions = subscriptions;
    this.silences = silences;
    this.alerts = alerts;
    this.deliveries = deliveries;
    this.metrics = metrics;
    this.worker = worker;
    this.clock = clock;
  }

  /**
   * @param eventId the event's CloudEvents id
   * @param time when the event was recorded (null when it does not say)
   * @param data the event's JSON data, as the notification carries it
   * @return true when the event concerns the subscriptions (false for acknowledgements)
   */
  public Mono<Boolean> fanOut(String eventId, Instant time, String data, AlertEvent event) {
    if (event instanceof AlertAcknowledged) {
      return Mono.just(false);
    }
    Alert alert = event.alert();
    Instant at = time != null ? time : clock.instant();
    Instant since = event instanceof AlertFired fired && fired.triggeredAt() != null ? fired.triggeredAt() : at;
    Delivery.Item item = new Delivery.Item(eventId, event.type(), alert.alertId(), alert.rule(), alert.severity(),
        since, data);
    boolean resolved = event instanceof AlertResolved;
    return suppression(alert).map(Optional::of).defaultIfEmpty(Optional.empty())
        .flatMapMany(reason -> subscriptions.activeWebhooks()
            .filter(s -> s.matchers().matches(alert) && (!resolved || s.sendResolved()))
            .concatMap(s -> reason.isPresent() ? suppress(s, item, reason.get()) : deliver(s, item, at)))
        .then(Mono.just(true));
  }

  /** Why the alert's notifications are held back, if they are: a silence, or the project's suspension alert (inhibition). */
  private Mono<Reason> suppression(Alert alert) {
    Mono<Reason> inhibited = alert.projectId() == null || alert.rule().equals(RuleId.PROJECT_SUSPENDED.id())
        ? Mono.empty()
        : alerts.projectSuspensionOpen(alert.projectId()).filter(Boolean::booleanValue)
            .map(open -> new Reason(Delivery.INHIBITED,
            "inhibited: project " + alert.projectId() + " is suspended or cancelled"));
    return silences.silencing(alert).map(silence -> new Reason(Delivery.SILENCED, "silenced by " + silence))
        .switchIfEmpty(inhibited);
  }

  private Mono<Void> suppress(Subscription s, Delivery.Item item, Reason reason) {
    return deliveries.insert(Delivery.suppressed(id(s, item.eventId()), s.id(), item, reason, clock.instant()))
        .doOnNext(stored -> {
          if (stored) {
            metrics.notification("webhook", reason.code());
          }
        }).then();
  }

  private Mono<Void> deliver(Subscription s, Delivery.Item item, Instant at) {
    Instant now = clock.instant();
    Duration window = s.groupWindow();
    if (window.isZero()) {
      return deliveries.insert(Delivery.pending(id(s, item.eventId()), s.id(), item, now, now))
          .doOnNext(stored -> worker.nudge()).then();
    }
    // Tumbling windows on the event's own time: a redelivered event lands in the same group.
    long slot = at.toEpochMilli() / window.toMillis();
    Instant sendAt = Instant.ofEpochMilli((slot + 1) * window.toMillis());
    return deliveries.addToGroup(id(s, "window-" + slot), s.id(), item, now, sendAt.isBefore(now) ? now : sendAt)
        .flatMap(added -> added == DeliveryStore.Added.CLOSED
            ? deliveries.insert(Delivery.pending(id(s, item.eventId()), s.id(), item, now, now))
                .doOnNext(stored -> worker.nudge()).then()
            : Mono.empty());
  }

  /** A Standard Webhooks message id: stable for one subscription and one event (or window). */
  static String id(Subscription s, String what) {
    return "msg_" + UUID.nameUUIDFromBytes((s.id() + "\n" + what).getBytes(StandardCharsets.UTF_8)).toString()
        .replace("-", "");
  }
}
