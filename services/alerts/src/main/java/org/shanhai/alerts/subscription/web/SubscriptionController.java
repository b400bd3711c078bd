package org.shanhai.alerts.subscription.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import org.shanhai.alerts.matcher.Matchers;
import org.shanhai.alerts.subscription.Subscription;
import org.shanhai.alerts.subscription.SubscriptionService;
import org.shanhai.web.RequestContext;
import org.shanhai.web.access.Actor;
import org.shanhai.web.paging.Page;
import org.shanhai.web.paging.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Subscriptions: make one (webhook or SSE), list, fetch, delete; rotate a webhook's secret; disable and enable one. */
@RestController
@RequestMapping("/api/v1/subscriptions")
class SubscriptionController {

  private final SubscriptionService subscriptions;
  private final RequestContext context;

  SubscriptionController(SubscriptionService subscriptions, RequestContext context) {
    this.subscriptions = subscriptions;
    this.context = context;
  }

  /** A channel as shown: the secrets only as hints, except a secret this service just made up (shown once). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ChannelResponse(Subscription.ChannelType type, String url, List<String> secretHints, String secret) {
  }

  record SubscriptionResponse(String id, String name, Matchers matchers, boolean sendResolved, Duration groupWindow,
      ChannelResponse channel, Subscription.Status status, String statusReasonCode, String statusReason,
      String createdBy, Instant createdAt) {

    static SubscriptionResponse of(Subscription s, String generatedSecret) {
      Subscription.Channel c = s.channel();
      return new SubscriptionResponse(s.id(), s.name(), s.matchers(), s.sendResolved(), s.groupWindow(),
          new ChannelResponse(c.type(), c.url(), c.type() == Subscription.ChannelType.WEBHOOK
              ? c.secrets().stream().map(x -> Subscription.hint(x.value())).toList() : null, generatedSecret),
          s.status(), s.statusReason() == null ? null : s.statusReason().code(),
          s.statusReason() == null ? null : s.statusReason().detail(), s.createdBy(), s.createdAt());
    }

    static SubscriptionResponse of(Subscription.Created created) {
      return of(created.subscription(), created.generatedSecret());
    }
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Subscribe to alerts by webhook or Server-Sent Events",
      description = "A webhook's secret, when this service makes it up, is shown in this answer only.")
  Mono<ResponseEntity<SubscriptionResponse>> create(@RequestBody CreateSubscriptionRequest body, Actor actor,
      @RequestHeader(name = RequestContext.IDEMPOTENCY_KEY, required = false) String key) {
    return subscriptions.create(body.toCommand(), context.fingerprint(body), actor, key)
        .map(written -> RequestContext.created("/api/v1/subscriptions/" + written.value().subscription().id(),
            written.replayed()).body(SubscriptionResponse.of(written.value())));
  }

  @GetMapping
  @Operation(summary = "List subscriptions: an officer's own, or all for the province")
  Mono<Page<SubscriptionResponse>> list(PageRequest page, Actor actor) {
    return subscriptions.list(actor, page).map(p -> p.map(s -> SubscriptionResponse.of(s, null)));
  }

  @GetMapping("/{id}")
  @Operation(summary = "Fetch a subscription (its owner's, or the province's)")
  Mono<SubscriptionResponse> get(@PathVariable String id, Actor actor) {
    return subscriptions.find(id, actor).map(s -> SubscriptionResponse.of(s, null));
  }

  @DeleteMapping("/{id}")
  @Operation(summary = "Delete a subscription")
  Mono<ResponseEntity<Void>> delete(@PathVariable String id, Actor actor) {
    return subscriptions.delete(id, actor).thenReturn(ResponseEntity.noContent().build());
  }

  @PostMapping("/{id}/disable")
  @Operation(summary = "Disable a subscription: nothing is sent to it until it is enabled again")
  Mono<SubscriptionResponse> disable(@PathVariable String id, Actor actor) {
    return subscriptions.disable(id, actor).map(s -> SubscriptionResponse.of(s, null));
  }

  @PostMapping("/{id}/enable")
  @Operation(summary = "Enable a subscription again, e.g. after its receiver answered 410 Gone")
  Mono<SubscriptionResponse> enable(@PathVariable String id, Actor actor) {
    return subscriptions.enable(id, actor).map(s -> SubscriptionResponse.of(s, null));
  }

  @PostMapping("/{id}/secrets")
  @Operation(summary = "Rotate a webhook's signing secret",
      description = "The old secret keeps signing too for previousValidFor (24 h by default), so receivers can switch.")
  Mono<SubscriptionResponse> rotate(@PathVariable String id, @RequestBody(required = false) RotateSecretRequest body,
      Actor actor) {
    return subscriptions.rotate(id, body == null ? new Subscription.Rotation(null, null) : body.toCommand(), actor)
        .map(SubscriptionResponse::of);
  }
}
