package org.shanhai.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import org.shanhai.alerts.delivery.kafka.AlertStream;
import org.shanhai.alerts.matcher.Matchers;
import org.shanhai.events.alerts.AlertFired;
import org.shanhai.events.alerts.AlertResolved;
import org.shanhai.testkit.EventPublisher;
import org.shanhai.web.validation.Violations;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.Disposable;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.SignalType;

/** {@code GET /api/v1/alerts/stream}: alert events as Server-Sent Events, filtered, resumable with Last-Event-ID. */
@AlertsServiceTest
class AlertStreamIT {

  private static final EventPublisher publisher = new EventPublisher();
  private static final ZoneId ZHEJIANG = ZoneId.of("Asia/Shanghai");
  private static final ParameterizedTypeReference<ServerSentEvent<String>> SSE = new ParameterizedTypeReference<>() {
  };

  @Autowired
  WebTestClient http;
  @Autowired
  AlertStream stream;
  @Autowired
  MeterRegistry meters;

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
  void anInstanceServesAtMostItsCapOfStreamsAndRefusesMoreWith503AndRetryAfter() {
    WebTestClient client = http.mutate().responseTimeout(Duration.ofSeconds(60)).build();
    List<Disposable> open = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        CountDownLatch positioned = new CountDownLatch(1);
        open.add(open(client, UUID.randomUUID().toString(), null).subscribe(e -> positioned.countDown()));
        assertThat(await(positioned)).as("stream %d is served", i + 1).isTrue();
      }
      client.get().uri("/api/v1/alerts/stream?county=" + Facts.CHANGSHAN.code()).accept(MediaType.TEXT_EVENT_STREAM)
          .exchange().expectStatus().isEqualTo(503)
          .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "30")
          .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .expectBody().jsonPath("$.type").isEqualTo("https://shanhai.example/problems/stream-capacity");

      open.remove(0).dispose();
      Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> client.get()
          .uri("/api/v1/alerts/stream?county=" + Facts.CHANGSHAN.code()).accept(MediaType.TEXT_EVENT_STREAM)
          .exchange().returnResult(SSE).getResponseBody().take(1).map(e -> true).blockFirst(Duration.ofSeconds(10)) != null);
    } finally {
      open.forEach(Disposable::dispose);
    }
  }

  @Test
  void aClientThatFallsTooFarBehindIsDroppedNotBufferedWithoutEnd() throws InterruptedException {
    List<Facts> projects = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      projects.add(new Facts(publisher));
    }
    Matchers matchers = Matchers.of(new Matchers.Selection(List.of(Facts.CHANGSHAN.code()), null, null, null,
        projects.stream().map(f -> f.project).toList(), null, null, null), "", new Violations());
    List<ServerSentEvent<String>> received = new CopyOnWriteArrayList<>();
    CountDownLatch positioned = new CountDownLatch(1);
    CountDownLatch ended = new CountDownLatch(1);
    BaseSubscriber<ServerSentEvent<String>> slow = new BaseSubscriber<>() {
      @Override
      protected void hookOnSubscribe(Subscription subscription) {
        request(1);
      }

      @Override
      protected void hookOnNext(ServerSentEvent<String> event) {
        received.add(event);
        positioned.countDown();
      }

      @Override
      protected void hookFinally(SignalType type) {
        ended.countDown();
      }
    };
    Set<Thread> before = readers();
    stream.stream(matchers, Map.of()).subscribe(slow);
    assertThat(await(positioned)).isTrue();
    Set<Thread> reader = readers();
    reader.removeAll(before);
    assertThat(reader).as("the stream's own reader").hasSize(1);

    // Six alerts fire while the client reads nothing: more than the four the instance holds for it.
    for (Facts facts : projects) {
      facts.registerProject(java.time.Instant.now());
      facts.changeStatus(2, "UNDER_CONSTRUCTION", "SUSPENDED", LocalDate.now(ZHEJIANG));
    }
    // Past the fifth event the stream stops reading for this client: its reader and its consumer go.
    Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> reader.stream().noneMatch(Thread::isAlive));
    slow.request(Long.MAX_VALUE);
    assertThat(ended.await(10, TimeUnit.SECONDS)).as("the stream ends").isTrue();
    assertThat(meters.find("shanhai.alerts.notifications").tag("outcome", "dropped-slow-client").counters())
        .isNotEmpty();
    assertThat(received.get(received.size() - 1).comment()).startsWith("dropped");
    assertThat(received).filteredOn(e -> e.data() != null).hasSizeLessThanOrEqualTo(4);
  }

  private static Set<Thread> readers() {
    return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("alert-stream") && t.isAlive())
        .collect(java.util.stream.Collectors.toCollection(java.util.HashSet::new));
  }

  private static boolean await(CountDownLatch latch) {
    try {
      return latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
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
