package org.shanhai.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.shanhai.events.alerts.AlertFired;
import org.shanhai.events.alerts.AlertResolved;
import org.shanhai.testkit.EventPublisher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

/** {@code GET /api/v1/alerts/stream}: alert events as Server-Sent Events, filtered, resumable with Last-Event-ID. */
@AlertsServiceTest
class AlertStreamIT {

  private static final EventPublisher publisher = new EventPublisher();
  private static final ZoneId ZHEJIANG = ZoneId.of("Asia/Shanghai");
  private static final ParameterizedTypeReference<ServerSentEvent<String>> SSE = new ParameterizedTypeReference<>() {
  };

  @Autowired
  WebTestClient http;

  @AfterAll
  static void close() {
    publisher.close();
  }

  @Test
  void streamsTheMatchingAlertEventsAndResumesAfterTheLastEventId() {
    Facts facts = new Facts(publisher);
    Facts other = new Facts(publisher);
    WebTestClient client = http.mutate().responseTimeout(Duration.ofSeconds(60)).build();

    Flux<ServerSentEvent<String>> first = open(client, facts.project, null);
    List<ServerSentEvent<String>> seen = first.doOnNext(e -> {
      if (e.comment() != null && e.comment().startsWith("from ")) {
        other.registerProject(java.time.Instant.now());
        other.changeStatus(2, "UNDER_CONSTRUCTION", "SUSPENDED", LocalDate.now(ZHEJIANG));
        facts.registerProject(java.time.Instant.now());
        facts.changeStatus(2, "UNDER_CONSTRUCTION", "SUSPENDED", LocalDate.now(ZHEJIANG));
      }
    }).filter(e -> e.data() != null).take(1).collectList().block(Duration.ofSeconds(60));
    ServerSentEvent<String> fired = seen.get(0);
    assertThat(fired.event()).isEqualTo(AlertFired.TYPE);
    assertThat(fired.data()).contains(facts.project).doesNotContain(other.project);
    assertThat(fired.id()).matches("[0-9]+:[0-9]+(,[0-9]+:[0-9]+)*");

    // While nobody listens, the project resumes: its alert resolves. Resuming the stream brings it.
    facts.changeStatus(3, "SUSPENDED", "UNDER_CONSTRUCTION", LocalDate.now(ZHEJIANG));
    ServerSentEvent<String> resumed = open(client, facts.project, fired.id()).filter(e -> e.data() != null).blockFirst(
        Duration.ofSeconds(60));
    assertThat(resumed.event()).isEqualTo(AlertResolved.TYPE);
    assertThat(resumed.data()).contains(facts.project);
  }

  @Test
  void refusesAMalformedLastEventIdOrMatcher() {
    http.get().uri("/api/v1/alerts/stream").accept(MediaType.TEXT_EVENT_STREAM).header("Last-Event-ID", "yesterday")
        .exchange().expectStatus().isBadRequest();
    http.get().uri("/api/v1/alerts/stream?county=Changshan").accept(MediaType.TEXT_EVENT_STREAM).exchange()
        .expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
  }

  private Flux<ServerSentEvent<String>> open(WebTestClient client, String project, String lastEventId) {
    return client.get().uri(uri -> uri.path("/api/v1/alerts/stream").queryParam("county", Facts.CHANGSHAN.code())
            .queryParam("project", project).build())
        .accept(MediaType.TEXT_EVENT_STREAM)
        .headers(h -> {
          if (lastEventId != null) {
            h.set("Last-Event-ID", lastEventId);
          }
        })
        .exchange().expectStatus().isOk().returnResult(SSE).getResponseBody();
  }
}
