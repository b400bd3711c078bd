package org.shanhai.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;

import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.MongoDatabase;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.shanhai.events.Topics;
import org.shanhai.testkit.EventPublisher;
import org.shanhai.testkit.TestIssuer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

/** {@code /actuator/projections}: the alerts service's views rebuilt from both topics, a lost one back. */
@AlertsServiceTest
class ProjectionRebuildIT {

  private static final EventPublisher publisher = new EventPublisher();

  @Autowired
  WebTestClient http;
  @Autowired
  MongoDatabase database;

  @AfterAll
  static void close() {
    publisher.close();
  }

  @Test
  void aViewThatWasLostIsRebuiltFromTheTopics() {
    Facts facts = new Facts(publisher);
    facts.registerProject(Instant.now());
    await().atMost(Duration.ofSeconds(30)).until(() -> view(facts.project) != null);
    Document before = view(facts.project);
    Mono.from(database.getCollection("project_views").deleteOne(Filters.eq("_id", facts.project))).block();

    http.get().uri("/actuator/projections").header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer("province.admin"))
        .exchange().expectStatus().isOk().expectBody()
        .jsonPath("$.group").isEqualTo("alerts")
        .jsonPath("$.topics").value(t -> assertThat(t.toString()).contains(Topics.PROJECTS, Topics.PAYOUTS));
    http.mutate().responseTimeout(Duration.ofMinutes(2)).build().post().uri("/actuator/projections")
        .header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer("province.admin")).exchange()
        .expectStatus().isOk().expectBody()
        .jsonPath("$.views.project_views").value(n -> assertThat(((Number) n).longValue()).isPositive());

    assertThat(view(facts.project)).isEqualTo(before);
  }

  private Document view(String project) {
    return Mono.from(database.getCollection("project_views").find(Filters.eq("_id", project)).first()).block();
  }
}
