package org.shanhai.alerts.delivery.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import org.shanhai.alerts.delivery.Delivery;
import org.shanhai.alerts.delivery.DeliveryService;
import org.shanhai.web.RequestContext;
import org.shanhai.web.access.Actor;
import org.shanhai.web.paging.Page;
import org.shanhai.web.paging.PageRequest;
import org.shanhai.web.validation.Violations;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** A subscription's deliveries with every attempt, and sending again what failed since a time. */
@RestController
@RequestMapping("/api/v1/subscriptions/{id}")
class DeliveryController {

  private final DeliveryService deliveries;
  private final JsonMapper json;

  DeliveryController(DeliveryService deliveries, JsonMapper json) {
    this.deliveries = deliveries;
    this.json = json;
  }

  /**
   * A delivery as shown: each alert event as the JSON object it is (as in the webhook's body), not as stored text;
   * {@code reasonCode} says why it FAILED or was SUPPRESSED (gone, gave-up, subscription-off, url-refused, silenced,
   * inhibited), {@code reason} the particulars.
   */
  record DeliveryResponse(String id, String subscriptionId, List<ItemResponse> items, Delivery.Status status,
      String reasonCode, String reason, Instant createdAt, Instant nextAttemptAt, int attemptsInRound,
      List<Delivery.Attempt> attempts) {

    static DeliveryResponse of(Delivery d, JsonMapper json) {
      return new DeliveryResponse(d.id(), d.subscriptionId(), d.items().stream().map(i -> new ItemResponse(i.eventId(),
          i.eventType(), i.alertId(), i.rule(), i.severity(), i.since(), event(i.data(), json))).toList(), d.status(),
          d.reason() == null ? null : d.reason().code(), d.reason() == null ? null : d.reason().detail(),
          d.createdAt(), d.nextAttemptAt(), d.attemptsInRound(), d.attempts());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> event(String data, JsonMapper json) {
      return json.readValue(data, Map.class);
    }
  }

  record ItemResponse(String eventId, String eventType, String alertId, String rule, String severity, Instant since,
      Map<String, Object> event) {
  }

  record RecoverResponse(long recovered) {
  }

  @GetMapping("/deliveries")
  @Operation(summary = "List a subscription's deliveries with every attempt, newest first")
  Mono<Page<DeliveryResponse>> deliveries(@PathVariable String id,
      @RequestParam(required = false) Delivery.Status status, PageRequest page, Actor actor) {
    return deliveries.of(id, status, actor, page).map(p -> p.map(d -> DeliveryResponse.of(d, json)));
  }

  @PostMapping("/test")
  @ResponseStatus(HttpStatus.ACCEPTED)
  @Operation(summary = "Send a test notification to the subscription's webhook",
      description = "Signed and retried like an alert's; its one item has the eventType org.shanhai.alerts.test.v1. "
          + "The answer is the delivery as queued: follow it in the deliveries.")
  Mono<DeliveryResponse> test(@PathVariable String id, Actor actor) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("test", true);
    event.put("subscriptionId", id);
    event.put("requestedBy", actor.name());
    event.put("message", "A test notification from Shanhai Monitor: this receiver gets the subscription's alerts.");
    return deliveries.test(id, actor, json.writeValueAsString(event)).map(d -> DeliveryResponse.of(d, json));
  }

  @PostMapping("/recover")
  @Operation(summary = "Send again everything that failed since a time, with the same webhook ids")
  Mono<RecoverResponse> recover(@PathVariable String id, @RequestParam(required = false) String since, Actor actor) {
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
    return deliveries.recover(id, from, actor).map(RecoverResponse::new);
  }
}
