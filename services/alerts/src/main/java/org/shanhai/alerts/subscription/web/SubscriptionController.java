package org.shanhai.alerts.subscription.web;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.shanhai.alerts.alert.Matchers;
import org.shanhai.alerts.delivery.Delivery;
import org.shanhai.alerts.delivery.DeliveryService;
import org.shanhai.alerts.subscription.Subscription;
import org.shanhai.alerts.subscription.SubscriptionService;
import org.shanhai.web.RequestContext;
import org.shanhai.web.paging.Page;
import org.shanhai.web.paging.PageRequest;
import org.shanhai.web.validation.Violations;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Subscriptions and their deliveries: make one (webhook or SSE), list, fetch, delete; see every
 * delivery with its attempts; send again what failed since a time; rotate a webhook's secret;
 * enable one that a receiver's 410 disabled.
 */
@RestController
@RequestMapping("/api/v1/subscriptions")
class SubscriptionController {

  private final SubscriptionService subscriptions;
  private final DeliveryService deliveries;
  private final RequestContext context;
  private final JsonMapper json;

  SubscriptionController(SubscriptionService subscriptions, DeliveryService deliveries, RequestContext context,
      JsonMapper json) {
    this.subscriptions = subscriptions;
    this.deliveries = deliveries;
    this.context = context;
    this.json = json;
  }

  /** A delivery as shown: each alert event as the JSON object it is (as in the webhook's body), not as stored text. */
  record DeliveryResponse(String id, String subscriptionId, List<ItemResponse> items, Delivery.Status status,
      String reason, Instant createdAt, Instant nextAttemptAt, int attemptsInRound, List<Delivery.Attempt> attempts) {

    static DeliveryResponse of(Delivery d, JsonMapper json) {
      return new DeliveryResponse(d.id(), d.subscriptionId(), d.items().stream().map(i -> new ItemResponse(i.eventId(),
          i.eventType(), i.alertId(), i.rule(), i.severity(), i.since(), event(i.data(), json))).toList(), d.status(),
          d.reason(), d.createdAt(), d.nextAttemptAt(), d.attemptsInRound(), d.attempts());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> event(String data, JsonMapper json) {
      return json.readValue(data, Map.class);
    }
  }

  record ItemResponse(String eventId, String eventType, String alertId, String rule, String severity, Instant since,
      Map<String, Object> event) {
  }

  /** A channel as shown: the secrets only as hints, except a secret this service just made up (shown once). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ChannelResponse(Subscription.ChannelType type, String url, List<String> secretHints, String secret) {
  }

  record SubscriptionResponse(String id, String name, Matchers matchers, boolean sendResolved, Duration groupWindow,
      ChannelResponse channel, Subscription.Status status, String statusReason, String createdBy, Instant createdAt) {

    static SubscriptionResponse of(Subscription s, String generatedSecret) {
      Subscription.Channel c = s.channel();
      return new SubscriptionResponse(s.id(), s.name(), s.matchers(), s.sendResolved(), s.groupWindow(),
          new ChannelResponse(c.type(), c.url(), c.type() == Subscription.ChannelType.WEBHOOK
              ? c.secrets().stream().map(x -> Subscription.hint(x.value())).toList() : null, generatedSecret),
          s.status(), s.statusReason(), s.createdBy(), s.createdAt());
    }
  }

  record RecoverResponse(long recovered) {
  }

  @PostMapping
  Mono<ResponseEntity<SubscriptionResponse>> create(@RequestBody Subscription.Request body,
      @RequestHeader(name = RequestContext.USER, required = false) String user,
      @RequestHeader(name = RequestContext.IDEMPOTENCY_KEY, required = false) String key) {
    String actor = context.user(user);
    return subscriptions.create(body, context.fingerprint(body), actor, key)
        .map(r -> RequestContext.created("/api/v1/subscriptions/" + r.created().subscription().id(), r.replayed())
            .body(SubscriptionResponse.of(r.created().subscription(), r.created().generatedSecret())));
  }

  @GetMapping
  Mono<Page<SubscriptionResponse>> list(@RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    Violations violations = new Violations();
    PageRequest request = PageRequest.of(page, size, violations);
    RequestContext.rejectQueryIfAny(violations);
    return subscriptions.list(request).map(p -> p.map(s -> SubscriptionResponse.of(s, null)));
  }

  @GetMapping("/{id}")
  Mono<SubscriptionResponse> get(@PathVariable String id) {
    return subscriptions.find(id).map(s -> SubscriptionResponse.of(s, null));
  }

  @DeleteMapping("/{id}")
  Mono<ResponseEntity<Void>> delete(@PathVariable String id,
      @RequestHeader(name = RequestContext.USER, required = false) String user) {
    context.user(user);
    return subscriptions.delete(id).thenReturn(ResponseEntity.noContent().build());
  }

  @PostMapping("/{id}/enable")
  Mono<SubscriptionResponse> enable(@PathVariable String id,
      @RequestHeader(name = RequestContext.USER, required = false) String user) {
    context.user(user);
    return subscriptions.enable(id).map(s -> SubscriptionResponse.of(s, null));
  }

  @PostMapping("/{id}/secrets")
  Mono<SubscriptionResponse> rotate(@PathVariable String id, @RequestBody(required = false) Subscription.Rotation body,
      @RequestHeader(name = RequestContext.USER, required = false) String user) {
    context.user(user);
    return subscriptions.rotate(id, body == null ? new Subscription.Rotation(null, null) : body)
        .map(c -> SubscriptionResponse.of(c.subscription(), c.generatedSecret()));
  }

  @GetMapping("/{id}/deliveries")
  Mono<Page<DeliveryResponse>> deliveries(@PathVariable String id, @RequestParam(required = false) String status,
      @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
    Violations violations = new Violations();
    Delivery.Status wanted = violations.enumValue("status", status, Delivery.Status.class);
    PageRequest request = PageRequest.of(page, size, violations);
    RequestContext.rejectQueryIfAny(violations);
    return deliveries.of(id, wanted, request).map(p -> p.map(d -> DeliveryResponse.of(d, json)));
  }

  /** Sends again everything that failed since {@code since} (an ISO-8601 instant), with the same webhook ids. */
  @PostMapping("/{id}/recover")
  Mono<RecoverResponse> recover(@PathVariable String id, @RequestParam(required = false) String since,
      @RequestHeader(name = RequestContext.USER, required = false) String user) {
    context.user(user);
    Violations violations = new Violations().required("since", since);
    Instant from = null;
    if (since != null) {
      try {
        from = Instant.parse(since);
      } catch (DateTimeParseException e) {
        violations.add("since", "malformed", "since is an ISO-8601 instant such as 2026-11-23T08:00:00Z");
      }
    }
    RequestContext.rejectQueryIfAny(violations);
    return deliveries.recover(id, from).map(RecoverResponse::new);
  }
}
