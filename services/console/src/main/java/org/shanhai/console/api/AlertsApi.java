package org.shanhai.console.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The alerts service as the console uses it: the alerts of the officer's counties, and their handling. */
public final class AlertsApi {

  private final ServiceApi api;

  public AlertsApi(ServiceApi api) {
    this.api = api;
  }

  /** An alert; {@code evidence} holds its figures as strings (amounts in yuan, dates ISO-8601), by name. */
  public record Alert(String id, String rule, String severity, String state, String summary, String county,
      String partner, String pairing, String project, String subjectId, Map<String, String> evidence,
      Instant firedAt, Instant acknowledgedAt, String acknowledgedBy, Instant resolvedAt, String resolvedBy,
      String note, String resolution) {

    public Alert {
      evidence = evidence == null ? Map.of() : Map.copyOf(evidence);
    }
  }

  /** Open alerts (firing or acknowledged) labelled with any of {@code counties}, or all for an empty list. */
  public Mono<List<Alert>> open(Collection<String> counties) {
    return Flux.fromIterable(counties.isEmpty() ? List.of(Map.<String, String>of())
            : counties.stream().flatMap(c -> List.of(Map.of("county", c), Map.of("partner", c)).stream()).toList())
        .flatMap(label -> Flux.fromIterable(List.of("FIRING", "ACKNOWLEDGED"))
            .flatMap(state -> api.all(uri -> {
              uri.path("/api/v1/alerts").queryParam("state", state);
              label.forEach(uri::queryParam);
              return uri;
            }, new ParameterizedTypeReference<Page<Alert>>() { }).flatMapIterable(alerts -> alerts)))
        .distinct(Alert::id)
        .sort(Comparator.comparing(Alert::firedAt, Comparator.nullsLast(Comparator.<Instant>reverseOrder())))
        .collectList();
  }

  public record Channel(String type, String url, String secret) {
  }

  public record Matchers(List<String> anyCounty, List<String> county, List<String> partner, String minSeverity) {
  }

  public record Subscription(String id, String name, Channel channel, Matchers matchers, boolean sendResolved,
      String status, String statusReasonCode, String statusReason, Instant createdAt, String createdBy) {
  }

  public record Attempt(Instant at, int status, long millis, String error) {
  }

  public record DeliveryItem(String eventType, String alertId, String rule, String severity) {
  }

  public record Delivery(String id, String status, String reasonCode, String reason, Instant createdAt,
      List<DeliveryItem> items,
      List<Attempt> attempts) {

    public Delivery {
      items = items == null ? List.of() : List.copyOf(items);
      attempts = attempts == null ? List.of() : List.copyOf(attempts);
    }

    /** The latest attempt, or null before the first. */
    public Attempt lastAttempt() {
      return attempts.isEmpty() ? null : attempts.get(attempts.size() - 1);
    }
  }

  /** A new webhook subscription as the API takes it; the service makes up its secret. */
  public record NewSubscription(String name, Map<String, Object> channel, Map<String, Object> matchers,
      boolean sendResolved) {
  }

  public Mono<List<Subscription>> subscriptions() {
    return api.all(uri -> uri.path("/api/v1/subscriptions"), new ParameterizedTypeReference<Page<Subscription>>() { });
  }

  public Mono<Subscription> subscription(String id) {
    return api.get(uri -> uri.path("/api/v1/subscriptions/{id}").build(id), Subscription.class);
  }

  /** Subscribes, once for the form's {@code idempotencyKey}; the answer carries the secret, this once. */
  public Mono<Subscription> subscribe(NewSubscription subscription, String idempotencyKey) {
    return api.post(uri -> uri.path("/api/v1/subscriptions").build(), subscription,
        headers -> headers.set("Idempotency-Key", idempotencyKey), Subscription.class)
        .mapNotNull(ResponseEntity::getBody);
  }

  public Mono<List<Delivery>> deliveries(String subscriptionId) {
    return api.get(uri -> uri.path("/api/v1/subscriptions/{id}/deliveries").queryParam("size", 20)
        .build(subscriptionId), new ParameterizedTypeReference<Page<Delivery>>() { }).map(Page::items);
  }

  /** Asks for a test notification, or to disable or enable the subscription ({@code action}: test, disable, enable). */
  public Mono<Void> act(String subscriptionId, String action) {
    return api.post(uri -> uri.path("/api/v1/subscriptions/{id}/{action}").build(subscriptionId, action), Map.of(),
        headers -> { }, Void.class).then();
  }

  /** A year's investment target of the province, a county or a pairing (the province's by default). */
  public record Target(String scope, String key, int year, BigDecimal investment, boolean isDefault) {
  }

  public Mono<List<Target>> targets(int year) {
    return api.get(uri -> uri.path("/api/v1/targets").queryParam("year", year).build(),
        new ParameterizedTypeReference<Page<Target>>() { }).map(Page::items);
  }

  public Mono<Alert> acknowledge(String id, String note) {
    return api.post(uri -> uri.path("/api/v1/alerts/{id}/acknowledge").build(id), Map.of("note", note),
        headers -> { }, Alert.class).mapNotNull(ResponseEntity::getBody);
  }

  public Mono<Alert> resolve(String id, String note) {
    return api.post(uri -> uri.path("/api/v1/alerts/{id}/resolve").build(id), Map.of("note", note),
        headers -> { }, Alert.class).mapNotNull(ResponseEntity::getBody);
  }

  /** The alert events of {@code counties} (every county for an empty list) as they happen. */
  public Flux<ServerSentEvent<String>> events(Collection<String> counties) {
    return api.client().get().uri(uri -> {
          uri.path("/api/v1/alerts/stream");
          counties.forEach(c -> uri.queryParam("anyCounty", c));
          return uri.build();
        }).accept(MediaType.TEXT_EVENT_STREAM).retrieve()
        .bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<String>>() { });
  }
}
