package org.shanhai.projects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.mongodb.reactivestreams.client.MongoDatabase;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.shanhai.events.Topics;
import org.shanhai.events.projects.PairingRegistered;
import org.shanhai.events.projects.ProgressReported;
import org.shanhai.events.projects.ProjectRegistered;
import org.shanhai.events.projects.ProjectStatusChanged;
import org.shanhai.testkit.EventSchemas;
import org.shanhai.testkit.NoTrace;
import org.shanhai.testkit.TestIssuer;
import org.shanhai.testkit.TopicReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

/** An officer's update travels from HTTP through MongoDB into the real Kafka topic. */
@ProjectsServiceTest
@SuppressWarnings("unchecked")
class ProjectUpdateFlowIT {

  private static final Duration WAIT = Duration.ofSeconds(20);
  @RegisterExtension
  static final TopicReader topic = new TopicReader(Topics.PROJECTS);

  @Autowired
  WebTestClient http;
  @Autowired
  MongoDatabase database;
  Officer officer;

  @BeforeEach
  void officer() {
    officer = new Officer(http, "officer.changshan");
  }

  @Test
  void publishesRegistrationUpdateAndStatusChangeWithKeyTypeSequenceAndValidBody() {
    String pairingId = officer.pairing(Officer.CHANGSHAN, Officer.CIXI);
    String projectId = officer.anIndustrialEnclave();

    officer.update(projectId, """
        {"reportDate":"2021-06-30","status":"UNDER_CONSTRUCTION","cumulativeInvestment":"30000000.00",
         "fundsInPlace":"35000000.00","jobsCreated":120,"note":"厂房主体施工"}""", "upd-1")
        .expectStatus().isCreated()
        .expectHeader().valueEquals(HttpHeaders.ETAG, "\"3\"")
        .expectBody()
        .jsonPath("$.sequence").isEqualTo(2)
        .jsonPath("$.status").isEqualTo("UNDER_CONSTRUCTION")
        .jsonPath("$.previousStatus").isEqualTo("PLANNED")
        .jsonPath("$.cumulativeInvestment").isEqualTo("30000000.00")
        .jsonPath("$.warnings").isEmpty()
        .jsonPath("$.submittedBy").isEqualTo("officer.changshan");

    List<TopicReader.Received> events = topic.awaitKey(projectId, 3, WAIT);
    assertThat(events).extracting(TopicReader.Received::type).containsExactly(ProjectRegistered.TYPE,
        ProgressReported.TYPE, ProjectStatusChanged.TYPE);
    assertThat(events).extracting(TopicReader.Received::sequence).containsExactly(1L, 2L, 3L);
    assertThat(events).allSatisfy(e -> {
      assertThat(EventSchemas.violations(e.type(), e.body())).isEmpty();
      assertThat(e.headers()).containsEntry("ce_specversion", "1.0").containsEntry("ce_source", "/shanhai/projects")
          .containsEntry("ce_subject", projectId).containsEntry("content-type", "application/json");
    });
    assertThat(events.get(1).body()).contains("\"cumulativeInvestment\":\"30000000.00\"")
        .contains("\"pairingId\":\"" + pairingId + "\"");

    List<TopicReader.Received> pairingEvents = topic.awaitKey(pairingId, 1, WAIT);
    assertThat(pairingEvents.get(0).type()).isEqualTo(PairingRegistered.TYPE);
    assertThat(EventSchemas.violations(PairingRegistered.TYPE, pairingEvents.get(0).body())).isEmpty();
  }

  @Test
  void aDryRunAnswersTheUpdateWithItsWarningsOrErrorsAndLeavesNoTrace() {
    String projectId = officer.anIndustrialEnclave();
    String marker = officer.anIndustrialEnclave();
    NoTrace noTrace = new NoTrace(database, topic, List.of("pairings", "projects", "project_updates"), marker,
        () -> officer.update(marker, "{\"reportDate\":\"2021-06-30\"}", null).expectStatus().isCreated());

    noTrace.leavesNone(() -> dryRun(projectId, """
        {"reportDate":"2021-06-30","cumulativeInvestment":"60000000.00"}""")
        .expectStatus().isOk()
        .expectBody()
        .jsonPath("$.cumulativeInvestment").isEqualTo("60000000.00")
        .jsonPath("$.warnings[0].code").isEqualTo("large-increment")
        .jsonPath("$.warnings[0].field").isEqualTo("cumulativeInvestment"));
    noTrace.refused(() -> dryRun(projectId, """
        {"reportDate":"2021-06-30","cumulativeInvestment":"-1.00"}"""), 422, "cumulativeInvestment");
    noTrace.refused(() -> http.post().uri("/api/v1/projects/{id}/updates?dryRun=true", projectId)
        .header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer("officer.qingyuan"))
        .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"reportDate\":\"2021-06-30\"}").exchange(), 403);
  }

  private WebTestClient.ResponseSpec dryRun(String projectId, String json) {
    return http.post().uri("/api/v1/projects/{id}/updates?dryRun=true", projectId)
        .header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer("officer.changshan"))
        .contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
  }

  @Test
  void registersAnEnclaveBeforeItsInvestmentIsKnownAndTakesThePlanInALaterUpdate() {
    String projectId = officer.registerProject(officer.pairing(Officer.CHANGSHAN, Officer.CIXI), """
        {"pairingId":"%s","name":"常山—慈溪科创飞地 %s","kind":"SCI_TECH_ENCLAVE","hostCounty":"330822"}""");
    http.get().uri("/api/v1/projects/{id}", projectId).exchange().expectStatus().isOk()
        .expectBody().jsonPath("$.plannedInvestment").value(planned -> assertThat(planned).isNull());

    officer.update(projectId, """
        {"reportDate":"2021-06-30","plannedInvestment":"12000000.00","cumulativeInvestment":"1000000.00"}""", null)
        .expectStatus().isCreated()
        .expectBody().jsonPath("$.fieldsReported").value(fields -> assertThat((List<String>) fields)
            .containsExactly("cumulativeInvestment", "plannedInvestment"));

    http.get().uri("/api/v1/projects/{id}", projectId).exchange().expectStatus().isOk()
        .expectBody().jsonPath("$.plannedInvestment").isEqualTo("12000000.00");
    List<TopicReader.Received> events = topic.awaitKey(projectId, 2, WAIT);
    assertThat(events.get(0).body()).contains("\"plannedInvestment\":null");
    assertThat(events.get(1).body()).contains("\"plannedInvestment\":\"12000000.00\"");
    assertThat(events).allSatisfy(e -> assertThat(EventSchemas.violations(e.type(), e.body())).isEmpty());
  }

  @Test
  void storesTheUpdateAndCarriesOmittedFiguresForward() {
    String projectId = officer.anIndustrialEnclave();
    officer.update(projectId, """
        {"reportDate":"2021-03-31","status":"UNDER_CONSTRUCTION","cumulativeInvestment":"20000000.00",
         "fundsInPlace":"25000000.00","jobsCreated":80}""", null).expectStatus().isCreated();

    officer.update(projectId, """
        {"reportDate":"2021-06-30","status":"SUSPENDED","note":"春节后停工"}""", null)
        .expectStatus().isCreated()
        .expectBody()
        .jsonPath("$.cumulativeInvestment").isEqualTo("20000000.00")
        .jsonPath("$.jobsCreated").isEqualTo(80)
        .jsonPath("$.fieldsReported").isEqualTo(List.of("status", "note"));

    http.get().uri("/api/v1/projects/{id}", projectId).exchange()
        .expectStatus().isOk()
        .expectHeader().valueEquals(HttpHeaders.ETAG, "\"5\"")
        .expectBody()
        .jsonPath("$.status").isEqualTo("SUSPENDED")
        .jsonPath("$.fundsInPlace").isEqualTo("25000000.00")
        .jsonPath("$.lastReportDate").isEqualTo("2021-06-30")
        .jsonPath("$.updatedBy").isEqualTo("officer.changshan");
    http.get().uri("/api/v1/projects/{id}/updates", projectId).exchange()
        .expectStatus().isOk()
        .expectBody()
        .jsonPath("$.total").isEqualTo(2)
        .jsonPath("$.items[0].reportDate").isEqualTo("2021-06-30")
        .jsonPath("$.items[1].reportDate").isEqualTo("2021-03-31");

    // The suspension stored the status it came from, a field a report's write sets only when it changes.
    officer.update(projectId, "{\"reportDate\":\"2021-07-31\",\"status\":\"SIGNED\"}", null)
        .expectStatus().isEqualTo(422)
        .expectBody()
        .jsonPath("$.errors[0].code").isEqualTo("illegal-transition")
        .jsonPath("$.errors[0].message").value(message -> assertThat((String) message)
            .contains("it was UNDER_CONSTRUCTION when suspended"));
  }

  @Test
  void acceptsWarningsAndPublishesThemWithTheEvent() {
    String projectId = officer.anIndustrialEnclave();

    officer.update(projectId, """
        {"reportDate":"2021-06-30","status":"COMPLETED","cumulativeInvestment":"60000000.00"}""", null)
        .expectStatus().isCreated()
        .expectBody()
        .jsonPath("$.warnings[*].code").value(codes ->
            assertThat((List<Object>) codes).containsExactlyInAnyOrder("large-increment", "finished-under-invested"));

    TopicReader.Received reported = topic.awaitKey(projectId, 2, WAIT).get(1);
    assertThat(reported.type()).isEqualTo(ProgressReported.TYPE);
    assertThat(reported.body()).contains("large-increment").contains("finished-under-invested");
  }

  @Test
  void replayedIdempotencyKeyReturnsTheSameResponseAndPublishesNothingNew() {
    String projectId = officer.anIndustrialEnclave();
    String update = """
        {"reportDate":"2021-06-30","cumulativeInvestment":"10000000.00"}""";
    String first = officer.update(projectId, update, "officer-retry-1").expectStatus().isCreated()
        .expectHeader().valueEquals("Idempotent-Replayed", "false")
        .expectBody(String.class).returnResult().getResponseBody();

    String second = officer.update(projectId, update, "officer-retry-1").expectStatus().isCreated()
        .expectHeader().valueEquals("Idempotent-Replayed", "true")
        .expectBody(String.class).returnResult().getResponseBody();

    assertThat(second).isEqualTo(first);
    topic.awaitKey(projectId, 2, WAIT);
    assertThat(topic.drainFor(Duration.ofSeconds(1)).stream().filter(r -> projectId.equals(r.key())))
        .hasSize(2);
    http.get().uri("/api/v1/projects/{id}/updates", projectId).exchange()
        .expectBody().jsonPath("$.total").isEqualTo(1);
  }

  @Test
  void updatesMoveOutOfTheProjectsDocumentAndItsHistoryStaysWholeInOrder() {
    String projectId = officer.anIndustrialEnclave();
    int reports = 30;
    for (int i = 1; i <= reports; i++) {
      officer.update(projectId, "{\"reportDate\":\"2021-06-30\",\"cumulativeInvestment\":\"" + i + "000000.00\"}",
          "history-" + projectId + "-" + i).expectStatus().isCreated();
    }

    // The project's document keeps none of them for long: it stays small however long its history.
    await().atMost(WAIT).until(() -> Mono.from(database.getCollection("projects")
            .find(new Document("_id", projectId)).first()).block().getList("updates", Document.class).isEmpty());
    assertThat(Mono.from(database.getCollection("project_updates")
        .countDocuments(new Document("projectId", projectId))).block()).isEqualTo(reports);

    List<Long> sequences = new ArrayList<>();
    for (int page = 0; page < 5; page++) {
      http.get().uri("/api/v1/projects/{id}/updates?size=7&page={page}", projectId, page)
          .header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer("officer.changshan")).exchange()
          .expectStatus().isOk().expectBody()
          .jsonPath("$.total").isEqualTo(reports)
          .jsonPath("$.items[*].sequence").value(s -> ((List<?>) s).forEach(n -> sequences.add(((Number) n).longValue())));
    }
    assertThat(sequences).as("newest first, each once").hasSize(reports).isSortedAccordingTo(Comparator.reverseOrder())
        .doesNotHaveDuplicates();

    // An archived update is still found by its Idempotency-Key: the retry replays it.
    officer.update(projectId, "{\"reportDate\":\"2021-06-30\",\"cumulativeInvestment\":\"1000000.00\"}",
            "history-" + projectId + "-1").expectStatus().isCreated()
        .expectHeader().valueEquals("Idempotent-Replayed", "true");
  }

  @Test
  void sameIdempotencyKeyWithAnotherBodyIsRefused() {
    String projectId = officer.anIndustrialEnclave();
    officer.update(projectId, """
        {"reportDate":"2021-06-30","cumulativeInvestment":"10000000.00"}""", "k-1").expectStatus().isCreated();

    officer.update(projectId, """
        {"reportDate":"2021-06-30","cumulativeInvestment":"12000000.00"}""", "k-1")
        .expectStatus().isEqualTo(422)
        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody().jsonPath("$.type").isEqualTo("https://shanhai.example/problems/idempotency-key-reused");
  }

  @Test
  void ifMatchWithAStaleVersionIsRefusedAndTheCurrentOneAccepted() {
    String projectId = officer.anIndustrialEnclave();
    http.post().uri("/api/v1/projects/{id}/updates", projectId)
        .header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer("officer.changshan"))
        .header(HttpHeaders.IF_MATCH, "\"7\"").contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"reportDate\":\"2021-06-30\",\"status\":\"SIGNED\"}")
        .exchange().expectStatus().isEqualTo(412)
        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);

    http.post().uri("/api/v1/projects/{id}/updates", projectId)
        .header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer("officer.changshan"))
        .header(HttpHeaders.IF_MATCH, "\"1\"").contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"reportDate\":\"2021-06-30\",\"status\":\"SIGNED\"}")
        .exchange().expectStatus().isCreated();
    http.get().uri("/api/v1/projects/{id}", projectId).header(HttpHeaders.IF_NONE_MATCH, "\"3\"")
        .exchange().expectStatus().isNotModified();
  }

  @Test
  void anUpdateStartsFromTheStoredStateWhenAnotherInstanceChangedTheProject() {
    String projectId = officer.anIndustrialEnclave();
    officer.update(projectId, "{\"reportDate\":\"2021-03-31\",\"status\":\"UNDER_CONSTRUCTION\",\"jobsCreated\":80}",
        null).expectStatus().isCreated().expectHeader().valueEquals(HttpHeaders.ETAG, "\"3\"");
    // What another instance's accepted update leaves: the next version, with its figures.
    anotherInstanceReports(projectId, 4, 95);

    officer.update(projectId, "{\"reportDate\":\"2021-06-30\",\"note\":\"二期开工\"}", null)
        .expectStatus().isCreated()
        .expectHeader().valueEquals(HttpHeaders.ETAG, "\"5\"")
        .expectBody().jsonPath("$.jobsCreated").isEqualTo(95);

    // An If-Match with the version another instance wrote is the current one, not a stale one.
    anotherInstanceReports(projectId, 6, 110);
    http.post().uri("/api/v1/projects/{id}/updates", projectId)
        .header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer("officer.changshan"))
        .header(HttpHeaders.IF_MATCH, "\"6\"").contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"reportDate\":\"2021-09-30\",\"note\":\"设备进场\"}")
        .exchange().expectStatus().isCreated()
        .expectHeader().valueEquals(HttpHeaders.ETAG, "\"7\"")
        .expectBody().jsonPath("$.jobsCreated").isEqualTo(110);
  }

  /** Moves the project to {@code version} with {@code jobsCreated} straight in the database, as another instance would. */
  private void anotherInstanceReports(String projectId, long version, int jobsCreated) {
    assertThat(Mono.from(database.getCollection("projects").updateOne(new Document("_id", projectId),
        new Document("$set", new Document("sequence", version).append("jobsCreated", jobsCreated)))).block()
        .getModifiedCount()).isEqualTo(1);
  }

  @Test
  void filtersProjectsByCountyKindAndStatus() {
    String projectId = officer.anIndustrialEnclave();
    officer.update(projectId, "{\"reportDate\":\"2021-06-30\",\"status\":\"TOPPED_OUT\"}", null)
        .expectStatus().isCreated();

    http.get().uri("/api/v1/projects?county=330282&kind=INDUSTRIAL_ENCLAVE&status=TOPPED_OUT&size=200")
        .exchange().expectStatus().isOk()
        .expectBody().jsonPath("$.items[*].id").value(ids -> assertThat((List<Object>) ids).contains(projectId))
        .jsonPath("$.items[*].status").value(s -> assertThat((List<Object>) s).containsOnly("TOPPED_OUT"));
    http.get().uri("/api/v1/projects?county=330824").exchange().expectStatus().isOk()
        .expectBody().jsonPath("$.total").isEqualTo(0);
  }
}
