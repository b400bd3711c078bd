package org.shanhai.security.audit;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.shanhai.web.RequestContext;
import org.shanhai.web.access.Actor;
import org.shanhai.web.access.Forbidden;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Puts every write and every refusal in the audit trail, around everything else, the security rules
 * included (so a request refused for its token is recorded too). A write's attempt is stored before
 * it runs; if the trail cannot take it, the write does not run (503). The answer completes the entry
 * a moment later ({@link AuditTrail}). Refusals are also counted, by reason, in {@code shanhai.access.refused}.
 * Each request gets an id ({@code X-Request-Id}, the caller's when it gives a well-formed one),
 * answered in the same header and kept in the trail.
 */
public final class AuditFilter implements WebFilter, Ordered {

  /** Exchange attributes that the security rules and the actor's resolution leave for the trail. */
  public static final String ACTOR = "org.shanhai.audit.actor";
  public static final String REASON_DETAIL = "org.shanhai.audit.reason-detail";
  public static final String REQUEST_ID = "X-Request-Id";

  private static final Logger log = LoggerFactory.getLogger(AuditFilter.class);
  private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
  private static final Pattern WELL_FORMED_ID = Pattern.compile("[A-Za-z0-9._-]{8,64}");
  private static final int MAX_WHAT = 500;

  private final AuditTrail trail;
  private final Clock clock;
  private final MeterRegistry meters;

  public AuditFilter(AuditTrail trail, Clock clock, MeterRegistry meters) {
    this.trail = trail;
    this.clock = clock;
    this.meters = meters;
  }

  /** Before Spring Security's filters (order -100), so their refusals pass through here. */
  @Override
  public int getOrder() {
    return -200;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    ServerHttpRequest request = exchange.getRequest();
    String given = request.getHeaders().getFirst(REQUEST_ID);
    String requestId = given != null && WELL_FORMED_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
    exchange.getResponse().getHeaders().set(REQUEST_ID, requestId);
    String what = request.getMethod() + " " + request.getURI().getRawPath()
        + (request.getURI().getRawQuery() == null ? "" : "?" + request.getURI().getRawQuery());
    AuditEntry attempt = new AuditEntry(requestId, clock.instant(), null,
        what.length() > MAX_WHAT ? what.substring(0, MAX_WHAT) : what,
        request.getHeaders().getFirst(RequestContext.IDEMPOTENCY_KEY), null, AuditEntry.PENDING, null, null, null,
        null);
    boolean write = !READS.contains(request.getMethod());
    exchange.getResponse().beforeCommit(() -> answered(exchange, attempt, write));
    if (!write) {
      return chain.filter(exchange);
    }
    return trail.begin(attempt)
        .then(Mono.just(true))
        .onErrorResume(e -> {
          log.error("audit trail unavailable; {} refused unrun", what, e);
          return Mono.just(false);
        })
        .flatMap(recorded -> recorded ? chain.filter(exchange) : unavailable(exchange));
  }

  private Mono<Void> answered(ServerWebExchange exchange, AuditEntry attempt, boolean write) {
    ServerHttpResponse response = exchange.getResponse();
    int status = response.getStatusCode() == null ? 200 : response.getStatusCode().value();
    String outcome = AuditEntry.outcomeOf(status);
    if (!write && !outcome.equals("refused")) {
      return Mono.empty();
    }
    String reason = outcome.equals("refused") ? exchange.getAttributeOrDefault(Forbidden.REASON,
        status == 401 ? "invalid-token" : "role") : null;
    if (reason != null) {
      Counter.builder("shanhai.access.refused").description("Requests refused by the access rules, by reason")
          .tag("reason", reason).register(meters).increment();
    }
    Actor actor = exchange.getAttribute(ACTOR);
    String location = response.getHeaders().getFirst("Location");
    AuditEntry answer = new AuditEntry(attempt.requestId(), attempt.at(), actor == null ? null : actor.name(),
        attempt.what(), attempt.idempotencyKey(), status, outcome, reason, exchange.getAttribute(REASON_DETAIL),
        location, clock.instant());
    if (write) {
      trail.complete(answer);
    } else {
      trail.record(answer);
    }
    return Mono.empty();
  }

  private static Mono<Void> unavailable(ServerWebExchange exchange) {
    ServerHttpResponse response = exchange.getResponse();
    response.setStatusCode(HttpStatus.SERVICE_UNAVAILABLE);
    response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    String body = "{\"type\":\"https://shanhai.example/problems/audit-unavailable\",\"title\":\"Service unavailable\","
        + "\"status\":503,\"detail\":\"The audit trail cannot record this write, so it was not made; retry later "
        + "with the same Idempotency-Key.\",\"instance\":\"" + exchange.getRequest().getPath().value().replace("\"", "")
        + "\",\"errors\":[]}";
    return response.writeWith(Mono.just(response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8))));
  }
}
