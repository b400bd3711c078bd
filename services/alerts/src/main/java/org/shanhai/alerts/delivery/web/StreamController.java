package org.shanhai.alerts.delivery.web;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import org.shanhai.alerts.delivery.kafka.AlertStream;
import org.shanhai.alerts.matcher.Matchers;
import org.shanhai.alerts.rule.Severity;
import org.shanhai.alerts.subscription.Subscription;
import org.shanhai.alerts.subscription.SubscriptionService;
import org.shanhai.web.BadRequest;
import org.shanhai.web.RequestContext;
import org.shanhai.web.access.Actor;
import org.shanhai.web.validation.Violation;
import org.shanhai.web.validation.Violations;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

/**
 * {@code GET /api/v1/alerts/stream}: alert events as Server-Sent Events, filtered by the same
 * matchers as subscriptions (query parameters, or those of an SSE subscription by
 * {@code subscription=<id>}); resumes after {@code Last-Event-ID}.
 */
@RestController
class StreamController {

  private final AlertStream stream;
  private final SubscriptionService subscriptions;

  StreamController(AlertStream stream, SubscriptionService subscriptions) {
    this.stream = stream;
    this.subscriptions = subscriptions;
  }

  @GetMapping(path = "/api/v1/alerts/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  @Operation(summary = "Alert events as Server-Sent Events, filtered like subscriptions",
      description = "Each event's id is a stream position: reconnecting with it as Last-Event-ID resumes exactly there.")
  Flux<ServerSentEvent<String>> stream(@RequestParam(required = false) List<String> county,
      @RequestParam(required = false) List<String> partner, @RequestParam(required = false) List<String> anyCounty,
      @RequestParam(required = false) List<String> pairing,
      @RequestParam(required = false) List<String> project, @RequestParam(required = false) List<String> kind,
      @RequestParam(required = false) List<String> rule, @RequestParam(required = false) Severity minSeverity,
      @RequestParam(required = false) String subscription,
      @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId, Actor actor) {
    Map<Integer, Long> from = AlertStream.position(lastEventId);
    Violations v = new Violations();
    RequestContext.id("subscription", subscription, v);
    Matchers matchers = Matchers.of(new Matchers.Selection(county, partner, anyCounty, pairing, project, kind, rule,
        minSeverity), "", v);
    RequestContext.rejectQueryIfAny(v);
    if (subscription == null) {
      return stream.stream(matchers, from);
    }
    return subscriptions.find(subscription, actor).flatMapMany(s -> s.channel().type() == Subscription.ChannelType.SSE
        ? stream.stream(s.matchers(), from)
        : Flux.error(new BadRequest(List.of(new Violation("subscription", "not-sse",
            "subscription " + s.id() + " delivers by webhook, not Server-Sent Events")))));
  }
}
