package org.shanhai.payouts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.mongodb.reactivestreams.client.MongoDatabase;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.shanhai.events.Topics;
import org.shanhai.events.projects.ProjectRegistered;
import org.shanhai.events.projects.ProjectStatusChanged;
import org.shanhai.events.value.CountyCode;
import org.shanhai.events.value.Money;
import org.shanhai.events.value.ProjectId;
import org.shanhai.testkit.EventPublisher;
import org.shanhai.testkit.Prometheus;
import org.shanhai.testkit.RealInfrastructure;
import org.shanhai.testkit.TestIssuer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

/**
 * {@code /actuator/projections}: the views of projects rebuilt from the topic, each project's events
 * in the order of their sequence, so what a dead letter replayed too late alone carried comes back;
 * reads go on throughout and the consumer goes on after it. Compared with a fold of the topic first,
 * the damaged view is found without anything being changed.
 */
@PayoutsServiceTest
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
  void aRegistrationReplayedAfterALaterEventIsFoldedInOrderByTheRebuild() {
    String project = UUID.randomUUID().toString();
    // The registration went to the dead letters; the status change after it was applied first...
    publisher.publish(Topics.PROJECTS, project, ProjectStatusChanged.TYPE, project, 2, statusChange(project, 2,
        "UNDER_CONSTRUCTION", "TOPPED_OUT"));
    await().atMost(Duration.ofSeconds(30)).until(() -> view(project) != null);
    // ...and replayed later, it is stale: the name and the host county it alone carries are missing.
    double ignored = ignoredRegistrations();
    publisher.publish(Topics.PROJECTS, project, ProjectRegistered.TYPE, project, 1, registration(project));
    await().atMost(Duration.ofSeconds(30)).until(() -> ignoredRegistrations() > ignored);
    assertThat(view(project).getString("name")).isNull();
    // Compared with a fold of the topic, the view differs, and nothing is changed by saying so.
    compare().jsonPath("$.divergent.project_views").value(n -> assertThat(((Number) n).longValue()).isPositive());
    assertThat(view(project).getString("name")).isNull();

    http.mutate().responseTimeout(Duration.ofMinutes(2)).build().post().uri("/actuator/projections")
        .header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer("province.admin")).exchange()
        .expectStatus().isOk().expectBody()
        .jsonPath("$.events").value(n -> assertThat(((Number) n).longValue()).isGreaterThanOrEqualTo(2))
        .jsonPath("$.views.project_views").value(n -> assertThat(((Number) n).longValue()).isPositive());

    Document rebuilt = view(project);
    assertThat(rebuilt.getString("name")).isEqualTo("飞地 " + project);
    assertThat(rebuilt.getString("hostCounty")).isEqualTo(SeedStory.CIXI);
    assertThat(rebuilt.getString("status")).isEqualTo("TOPPED_OUT");
    assertThat(rebuilt.get("sequence", Number.class).longValue()).isEqualTo(2);
    compare().jsonPath("$.divergent.project_views").isEqualTo(0).jsonPath("$.divergent.pairing_views").isEqualTo(0);

    // The consumer was started again: the next event is applied.
    publisher.publish(Topics.PROJECTS, project, ProjectStatusChanged.TYPE, project, 3, statusChange(project, 3,
        "TOPPED_OUT", "COMPLETED"));
    await().atMost(Duration.ofSeconds(30)).until(() -> "COMPLETED".equals(view(project).getString("status")));
    assertThat(view(project).getString("name")).isEqualTo("飞地 " + project);
  }

  @Test
  void isTheProvincesAndRefusedWhileAnotherInstanceConsumes() {
    http.get().uri("/actuator/projections").header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer("province.admin"))
        .exchange().expectStatus().isOk().expectBody()
        .jsonPath("$.group").isEqualTo("payouts").jsonPath("$.topics[0]").isEqualTo(Topics.PROJECTS);
    http.post().uri("/actuator/projections").header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer("officer.changshan"))
        .exchange().expectStatus().isForbidden();
    http.post().uri("/actuator/projections/recompute").header(HttpHeaders.AUTHORIZATION,
            TestIssuer.bearer("province.admin")).exchange()
        .expectStatus().isNotFound().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("compare"));

    try (KafkaConsumer<String, String> another = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.bootstrapServers(),
        ConsumerConfig.GROUP_ID_CONFIG, "payouts", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
        new StringDeserializer(), new StringDeserializer())) {
      another.subscribe(List.of(Topics.PROJECTS));
      await().atMost(Duration.ofSeconds(60)).until(() -> {
        another.poll(Duration.ofMillis(200));
        return !another.assignment().isEmpty();
      });
      http.mutate().responseTimeout(Duration.ofMinutes(1)).build().post().uri("/actuator/projections")
          .header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer("province.admin")).exchange()
          .expectStatus().isEqualTo(409)
          .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("member"));
    }
  }

  private WebTestClient.BodyContentSpec compare() {
    return http.mutate().responseTimeout(Duration.ofMinutes(2)).build().post().uri("/actuator/projections/compare")
        .header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer("province.admin")).exchange()
        .expectStatus().isOk().expectBody();
  }

  private static ProjectRegistered registration(String project) {
    return new ProjectRegistered(ProjectId.of(project), 1, "pairing", CountyCode.of(SeedStory.CHANGSHAN),
        CountyCode.of(SeedStory.CIXI), "飞地 " + project, "INDUSTRIAL_ENCLAVE", CountyCode.of(SeedStory.CIXI),
        Money.of("100000000.00"), List.of(), null, null, null, "UNDER_CONSTRUCTION", "officer", Instant.now());
  }

  private static ProjectStatusChanged statusChange(String project, long sequence, String from, String to) {
    return new ProjectStatusChanged(ProjectId.of(project), sequence, "pairing", CountyCode.of(SeedStory.CHANGSHAN),
        CountyCode.of(SeedStory.CIXI), "INDUSTRIAL_ENCLAVE", from, to, LocalDate.parse("2021-06-30"), "officer",
        Instant.now());
  }

  private double ignoredRegistrations() {
    String body = Prometheus.scrape(http);
    return body.lines().filter(l -> l.startsWith("shanhai_events_consumed_total{") && l.contains("outcome=\"ignored\"")
            && l.contains("type=\"" + ProjectRegistered.TYPE + "\""))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
  }

  private Document view(String project) {
    return Mono.from(database.getCollection("project_views").find(new Document("_id", project)).first()).block();
  }
}
