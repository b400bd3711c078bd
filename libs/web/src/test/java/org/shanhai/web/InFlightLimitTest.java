package org.shanhai.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Past its bound the service answers 503 at once and does not touch the request; below it, everything passes. */
class InFlightLimitTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final InFlightLimit limit = new InFlightLimit(2, JSON);
  /** The requests the chain took, each answered when its sink is. */
  private final List<Sinks.Empty<Void>> taken = new ArrayList<>();
  private final WebFilterChain chain = exchange -> {
    Sinks.Empty<Void> answer = Sinks.empty();
    taken.add(answer);
    return answer.asMono();
  };

  @Test
  void aRequestPastTheBoundIsAnsweredBusyAndNeverReachesTheService() {
    limit.filter(post(), chain).subscribe();
    limit.filter(post(), chain).subscribe();
    MockServerWebExchange third = post();

    limit.filter(third, chain).block(Duration.ofSeconds(5));

    assertThat(taken).hasSize(2);
    assertThat(third.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    assertThat(third.getResponse().getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
    assertThat(third.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    JsonNode problem = JSON.readTree(third.getResponse().getBodyAsString().block(Duration.ofSeconds(5)));
    assertThat(problem.path("status").asInt()).isEqualTo(503);
    assertThat(problem.path("type").asString()).isEqualTo("https://shanhai.example/problems/busy");
    assertThat(problem.path("detail").asString()).contains("nothing was stored");
    assertThat(problem.path("instance").asString()).isEqualTo("/api/v1/projects/P-1/updates");
  }

  @Test
  void aPlaceIsGivenBackWhenARequestIsAnsweredFailsOrIsDroppedByItsClient() {
    limit.filter(post(), chain).subscribe();
    Disposable dropped = limit.filter(post(), chain).subscribe(done -> { }, failed -> { });
    taken.get(0).tryEmitEmpty();
    dropped.dispose();

    MockServerWebExchange next = post();
    limit.filter(next, chain).subscribe();
    limit.filter(post(), chain).subscribe(done -> { }, failed -> { });
    taken.get(3).tryEmitError(new IllegalStateException("the handler failed"));
    limit.filter(post(), chain).subscribe();

    assertThat(taken).hasSize(5);
    assertThat(next.getResponse().getStatusCode()).isNull();
  }

  @Test
  void theActuatorIsAnsweredHoweverBusyTheServiceIs() {
    limit.filter(post(), chain).subscribe();
    limit.filter(post(), chain).subscribe();
    MockServerWebExchange health = MockServerWebExchange.from(MockServerHttpRequest.get("/actuator/health/readiness"));

    limit.filter(health, chain).subscribe();

    assertThat(taken).hasSize(3);
    assertThat(health.getResponse().getStatusCode()).isNull();
  }

  @Test
  void anEventStreamIsNotCountedButAnythingElseAcceptingEverythingIs() {
    MockServerWebExchange stream = MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/alerts/stream")
        .accept(MediaType.TEXT_EVENT_STREAM));
    limit.filter(stream, chain).subscribe();
    limit.filter(post(), chain).subscribe();
    limit.filter(MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/projects").accept(MediaType.ALL)), chain)
        .subscribe();
    MockServerWebExchange third = MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/alerts")
        .accept(MediaType.ALL));

    limit.filter(third, chain).block(Duration.ofSeconds(5));

    assertThat(taken).hasSize(3);
    assertThat(stream.getResponse().getStatusCode()).isNull();
    assertThat(third.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
  }

  @Test
  void aBoundBelowOneIsRefusedAtStart() {
    assertThatThrownBy(() -> new InFlightLimit(0, JSON)).hasMessageContaining("shanhai.web.max-in-flight");
  }

  private static MockServerWebExchange post() {
    return MockServerWebExchange.from(MockServerHttpRequest.post("/api/v1/projects/P-1/updates")
        .contentType(MediaType.APPLICATION_JSON).body("{\"fundsInPlace\":\"1.00\"}"));
  }
}
