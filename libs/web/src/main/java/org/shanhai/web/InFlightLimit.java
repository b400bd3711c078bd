package org.shanhai.web;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sheds the load a service cannot carry: with {@code shanhai.web.max-in-flight} requests already being
 * worked on, the next is answered at once with 503 and {@code Retry-After} (problem+json), before anything
 * reads it, so nothing of it is stored, published or audited. A request the service has taken holds its
 * exchange, its buffers and its place in the database driver's queue until it is answered: under a
 * stream of requests faster than the database answered, those piled up until the heap ran out (1,910
 * requests, 1,721 of them waiting for a database connection, in the projects service's 96 MB;
 * docs/benchmarks.md), and a service out of heap answers nothing at all. The actuator's endpoints are
 * never shed: health probes and the metrics scrape must see a busy service as busy, not as gone. Nor
 * are event streams counted ({@code Accept: text/event-stream}): they stay open for as long as their
 * reader watches, mostly idle, and the alerts stream has its own bound
 * ({@code shanhai.alerts.streams.max-clients}).
 */
public final class InFlightLimit implements WebFilter, Ordered {

  /** Seconds a client is asked to wait before it sends the request again. */
  static final String RETRY_AFTER = "1";

  private final int max;
  private final JsonMapper json;
  private final AtomicInteger inFlight = new AtomicInteger();

  public InFlightLimit(int max, JsonMapper json) {
    if (max < 1) {
      throw new IllegalArgumentException("shanhai.web.max-in-flight must be at least 1, not " + max);
    }
    this.max = max;
    this.json = json;
  }

  /** First of all filters: a request shed here costs no token check and no audit entry. */
  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    if (exchange.getRequest().getPath().pathWithinApplication().value().startsWith("/actuator/")
        || exchange.getRequest().getHeaders().getAccept().stream().anyMatch(InFlightLimit::isEventStream)) {
      return chain.filter(exchange);
    }
    if (inFlight.incrementAndGet() > max) {
      inFlight.decrementAndGet();
      return busy(exchange);
    }
    // Given back however the request ends: answered, failed, or dropped by its client.
    return Mono.defer(() -> chain.filter(exchange)).doFinally(signal -> inFlight.decrementAndGet());
  }

  /** text/event-stream itself, not a wildcard that would also take it. */
  private static boolean isEventStream(MediaType accepted) {
    return MediaType.TEXT_EVENT_STREAM.getType().equals(accepted.getType())
        && MediaType.TEXT_EVENT_STREAM.getSubtype().equals(accepted.getSubtype());
  }

  private Mono<Void> busy(ServerWebExchange exchange) {
    exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_AFTER);
    return ProblemHandler.answer(exchange, json, HttpStatus.SERVICE_UNAVAILABLE, "busy", "Service busy",
        "The service is working on as many requests as it can take (" + max + "); nothing was stored. "
            + "Send the request again after " + RETRY_AFTER + " s.");
  }
}
