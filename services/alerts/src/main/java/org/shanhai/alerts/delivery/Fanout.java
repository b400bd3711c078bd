package org.shanhai.alerts.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.shanhai.alerts.alert.AlertStore;
import org.shanhai.alerts.metrics.AlertMetrics;
import org.shanhai.alerts.rule.RuleId;
import org.shanhai.alerts.silence.SilenceService;
import org.shanhai.alerts.subscription.Subscription;
import org.shanhai.alerts.subscription.SubscriptionStore;
import org.shanhai.events.alerts.Alert;
import org.shanhai.events.alerts.AlertAcknowledged;
import org.shanhai.events.alerts.AlertFired;
import org.shanhai.events.alerts.AlertResolved;
import org.shanhai.messaging.consumer.IncomingEvent;
import org.shanhai.messaging.consumer.Projection;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns each alert event of {@code shanhai.alerts.v1} into deliveries for the webhook
 * subscriptions it matches. Delivery ids derive from the subscription and the event (or the
 * grouping window), so a redelivered event adds nothing. Fired and escalated alerts are notified,
 * resolved ones where the subscription wants them; acknowledgements are not. Silenced or inhibited
 * notifications are stored as suppressed, with the reason, and not sent.
 */
@Service
public class Fanout {

  private final SubscriptionStore subscriptions;
  private final SilenceService silences;
  private final AlertStore alerts;
  private final DeliveryStore deliveries;
  private final AlertMetrics metrics;
  private final DeliveryWorker worker;
  private final JsonMapper json;
  private final Clock clock;

  Fanout(SubscriptionStore subscriptions, SilenceService silences, AlertStore alerts, DeliveryStore deliveries,
      AlertMetrics metrics, DeliveryWorker worker, JsonMapper json, Clock clock) {
    this.subscriptions = subscriptions;
    this.silences = silences;
    this.alerts = alerts;
    this.deliveries = deliveries;
    this.metrics = metrics;
    this.worker = worker;
    this.json = json;
    this.clock = clock;
  }

  public Mono<Projection.Outcome> fanOut(IncomingEvent event) {
    if (event.type().equals(AlertAcknowledged.TYPE) || !event.type().startsWith("shanhai.alert.")) {
      return Mono.just(Projection.Outcome.IGNORED);
    }
    JsonNode data;
    Alert alert;
    try {
      data = json.readTree(event.data());
      // Events evolve additively: fields this version does not know are ignored, whatever the HTTP mapper does.
      alert = json.readerFor(Alert.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .readValue(data.required("alert"));
    } catch (RuntimeException e) {
      throw new IncomingEvent.PoisonEvent("the data of " + event.type() + " " + event.id() + " is not an alert event");
    }
    Instant at = event.time() != null ? event.time() : clock.instant();
    Instant since = event.type().equals(AlertFired.TYPE) ? Instant.parse(data.path("triggeredAt").asText(at.toString()))
        : at;
    Delivery.Item item = new Delivery.Item(event.id(), event.type(), alert.alertId(), alert.rule(), alert.severity(),
        since, event.data());
    boolean resolved = event.type().equals(AlertResolved.TYPE);
    return suppression(alert).map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty())
        .flatMapMany(reason -> subscriptions.all()
            .filter(s -> s.isActive() && s.channel().type() == Subscription.ChannelType.WEBHOOK
                && s.matchers().matches(alert) && (!resolved || s.sendResolved()))
            .concatMap(s -> reason.isPresent() ? suppress(s, item, reason.get()) : deliver(s, item, at)))
        .then(Mono.just(Projection.Outcome.APPLIED));
  }

  /** Why the alert's notifications are held back, if they are: a silence, or the project's suspension alert (inhibition). */
  private Mono<String> suppression(Alert alert) {
    Mono<String> inhibited = alert.projectId() == null || alert.rule().equals(RuleId.PROJECT_SUSPENDED.id())
        ? Mono.empty()
        : alerts.projectSuspensionOpen(alert.projectId()).filter(Boolean::booleanValue)
            .map(open -> "inhibited: project " + alert.projectId() + " is suspended or cancelled");
    return silences.silencing(alert).map(silence -> "silenced by " + silence).switchIfEmpty(inhibited);
  }

  private Mono<Void> suppress(Subscription s, Delivery.Item item, String reason) {
    return deliveries.insert(Delivery.suppressed(id(s, item.eventId()), s.id(), item, reason, clock.instant()))
        .doOnNext(stored -> {
          if (stored) {
            metrics.notification("webhook", reason.startsWith("silenced") ? "silenced" : "inhibited");
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
