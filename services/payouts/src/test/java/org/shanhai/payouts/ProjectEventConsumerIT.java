package org.shanhai.payouts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import com.mongodb.reactivestreams.client.MongoDatabase;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.shanhai.events.Topics;
import org.shanhai.events.projects.ProjectStatusChanged;
import org.shanhai.events.value.CountyCode;
import org.shanhai.events.value.ProjectId;
import org.shanhai.testkit.EventPublisher;
import org.shanhai.testkit.Prometheus;
import org.shanhai.testkit.TestIssuer;
import org.shanhai.testkit.TopicReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

/** The consumer of shanhai.projects.v1: duplicates and stale events change nothing; poison goes to the dead-letter topic. */
@PayoutsServiceTest
class ProjectEventConsumerIT {

  private static final EventPublisher publisher = new EventPublisher();

  @RegisterExtension
  static final TopicReader deadLetters = new TopicReader("shanhai.projects.v1.payouts.dlq");

  @Autowired
  WebTestClient http;
  @Autowired
  MongoDatabase database;

  @AfterAll
  static void close() {
    publisher.close();
  }

  @Test
  void aDuplicateOrStaleEventChangesNothing() {
    String project = new SeedStory(http, publisher).enclave(SeedStory.CHANGSHAN, SeedStory.CIXI,
        "INDUSTRIAL_ENCLAVE").project();

    publisher.publish(Topics.PROJECTS, project, ProjectStatusChanged.TYPE, project, 3, statusChange(project, 3,
        "TOPPED_OUT"));
    await().atMost(Duration.ofSeconds(30)).until(() -> "TOPPED_OUT".equals(view(project).getString("status")));

    publisher.publish(Topics.PROJECTS, project, ProjectStatusChanged.TYPE, project, 2, statusChange(project, 2,
        "SUSPENDED"));
    publisher.publish(Topics.PROJECTS, project, ProjectStatusChanged.TYPE, project, 3, statusChange(project, 3,
        "CANCELLED"));
    publisher.publish(Topics.PROJECTS, project, ProjectStatusChanged.TYPE, project, 4, statusChange(project, 4,
        "COMPLETED"));
    await().atMost(Duration.ofSeconds(30)).until(() -> view(project).get("sequence", Number.class).longValue() == 4);

    assertThat(view(project).getString("status")).isEqualTo("COMPLETED");
    assertThat(Prometheus.sum(http, "shanhai_events_consumed_total{application=\"payouts\",outcome=\"ignored\""))
        .isGreaterThanOrEqualTo(2.0);
  }

  @Test
  void aPoisonMessageIsDeadLetteredAndTheConsumerGoesOn() {
    publisher.publishRaw(Topics.PROJECTS, "poison", "this is not a CloudEvent");
    String project = new SeedStory(http, publisher).enclave(SeedStory.CHANGSHAN, SeedStory.CIXI,
        "INDUSTRIAL_ENCLAVE").project();

    assertThat(deadLetters.awaitKey("poison", 1, Duration.ofSeconds(60)).get(0).body())
        .isEqualTo("this is not a CloudEvent");
    assertThat(view(project)).isNotNull();
    assertThat(Prometheus.sum(http, "shanhai_events_dead_lettered_total{application=\"payouts\",group=\"payouts\""))
        .isEqualTo(1.0);
    assertThat(Prometheus.sum(http,
        "shanhai_events_consumed_total{application=\"payouts\",outcome=\"failed\",type=\"unknown\""))
        .as("a poison event is tried once: no retry can mend it").isEqualTo(1.0);

    // The dead letter says where it came from and why it failed; /actuator/deadletters shows it.
    assertThat(deadLetters.awaitKey("poison", 1, Duration.ofSeconds(1)).get(0).headers())
        .containsEntry("x-original-topic", Topics.PROJECTS).containsKey("x-exception-message");
    String dlq = "shanhai.projects.v1.payouts.dlq";
    http.get().uri("/actuator/deadletters")
        .header(HttpHeaders.AUTHORIZATION, province()).exchange().expectStatus().isOk().expectBody()
        .jsonPath("$['" + dlq + "'].letters").isEqualTo(1).jsonPath("$['" + dlq + "'].waiting").isEqualTo(1);
    http.get().uri("/actuator/deadletters/" + dlq)
        .header(HttpHeaders.AUTHORIZATION, province()).exchange().expectStatus().isOk().expectBody()
        .jsonPath("$[0].key").isEqualTo("poison").jsonPath("$[0].originalTopic").isEqualTo(Topics.PROJECTS)
        .jsonPath("$[0].error").value(error -> assertThat((String) error).contains("no ce_id header"))
        .jsonPath("$[0].replayed").isEqualTo(false);

    // Replayed while still poison: the consumer fails on it again and it is dead-lettered again.
    http.post().uri("/actuator/deadletters/" + dlq)
        .header(HttpHeaders.AUTHORIZATION, province()).exchange().expectStatus().isOk().expectBody()
        .jsonPath("$.replayed").isEqualTo(1).jsonPath("$.toTopics['" + Topics.PROJECTS + "']").isEqualTo(1);
    assertThat(deadLetters.awaitKey("poison", 2, Duration.ofSeconds(60))).hasSize(2);
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
        Prometheus.sum(http, "shanhai_events_dead_lettered_total{application=\"payouts\",group=\"payouts\""))
        .isEqualTo(2.0));
    http.get().uri("/actuator/deadletters")
        .header(HttpHeaders.AUTHORIZATION, province()).exchange().expectStatus().isOk().expectBody()
        .jsonPath("$['" + dlq + "'].letters").isEqualTo(2).jsonPath("$['" + dlq + "'].waiting").isEqualTo(1);
    http.post().uri("/actuator/deadletters/shanhai.projects.v1")
        .header(HttpHeaders.AUTHORIZATION, province()).exchange().expectStatus().isNotFound()
        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON).expectBody()
        .jsonPath("$.title").isEqualTo("Not a dead-letter topic of this service");
    assertThat(deadLetters.drainFor(Duration.ofMillis(500))).as("the refused replay sent nothing")
        .filteredOn(r -> "poison".equals(r.key())).hasSize(2);
    http.get().uri("/actuator/deadletters")
        .header(HttpHeaders.AUTHORIZATION, province()).exchange().expectStatus().isOk().expectBody()
        .jsonPath("$['" + dlq + "'].waiting").isEqualTo(1);
  }

  private static ProjectStatusChanged statusChange(String project, long sequence, String to) {
    return new ProjectStatusChanged(ProjectId.of(project), sequence, "pairing", CountyCode.of(SeedStory.CHANGSHAN),
        CountyCode.of(SeedStory.CIXI),
        "INDUSTRIAL_ENCLAVE", "UNDER_CONSTRUCTION", to, LocalDate.parse("2021-06-30"), "officer", Instant.now());
  }

  private Document view(String project) {
    return Mono.from(database.getCollection("project_views").find(new Document("_id", project)).first()).block();
  }

  /** The dead letters are the province's to see and replay. */
  private static String province() {
    return TestIssuer.bearer("province.admin");
  }
}
