package org.shanhai.projects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import com.mongodb.reactivestreams.client.MongoDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.shanhai.events.Topics;
import org.shanhai.testkit.NoTrace;
import org.shanhai.testkit.TestIssuer;
import org.shanhai.testkit.TopicReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Who may do what, through the real resource server with tokens from the test issuer: every token
 * that fails verification answers 401 with the bearer challenge; a user without the role, or an
 * officer outside the pairing's counties, answers 403; neither stores or publishes anything. The
 * acting user on the change is the token's.
 */
@ProjectsServiceTest
class AccessIT {

  private static final String ENCLAVE_UPDATE = "{\"reportDate\":\"2021-06-30\",\"note\":\"by whom?\"}";

  @RegisterExtension
  static final TopicReader topic = new TopicReader(Topics.PROJECTS);

  @Autowired
  WebTestClient http;
  @Autowired
  MongoDatabase database;
  @LocalServerPort
  int port;
  Officer changshan;
  String project;
  NoTrace noTrace;

  @BeforeEach
  void aProjectOfChangshanWithCixi() {
    changshan = new Officer(http, "officer.changshan");
    project = changshan.anIndustrialEnclave();
    String marker = changshan.anIndustrialEnclave();
    noTrace = new NoTrace(database, topic, List.of("pairings", "projects", "project_updates"), marker,
        () -> changshan.update(marker, "{\"reportDate\":\"2021-06-30\"}", null).expectStatus().isCreated());
  }

  @Test
  void aWriteWithoutAValidTokenIsUnauthenticated() {
    noTrace.unauthenticated(() -> update(null), "Bearer");
    List<Function<TestIssuer.Token, String>> forged = List.of(
        t -> t.expiredAgo(Duration.ofMinutes(5)).signed(),
        t -> t.validFromIn(Duration.ofMinutes(10)).signed(),
        t -> t.issuer("http://elsewhere.test/realms/shanhai").signed(),
        t -> t.audience("another-api").signed(),
        TestIssuer.Token::signedWithAnotherKey,
        TestIssuer.Token::unsigned,
        TestIssuer.Token::hmacWithThePublicKey);
    for (Function<TestIssuer.Token, String> token : forged) {
      noTrace.unauthenticated(() -> update("Bearer " + token.apply(TestIssuer.token("officer.changshan"))),
          "Bearer error=\"invalid_token\"");
    }
  }

  @Test
  void aReadWithoutATokenIsUnauthenticatedAndOneWithoutARoleForbidden() {
    WebTestClient anonymous = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    anonymous.get().uri("/api/v1/projects/{id}", project).exchange().expectStatus().isUnauthorized()
        .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    http.get().uri("/api/v1/projects/{id}", project)
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestIssuer.token("stranger", List.of(), List.of()).signed())
        .exchange().expectStatus().isForbidden()
        .expectBody().jsonPath("$.type").isEqualTo("https://shanhai.example/problems/forbidden");
    anonymous.get().uri("/actuator/health").exchange().expectStatus().isOk();
    anonymous.get().uri("/actuator/prometheus").exchange().expectStatus().isOk();
    anonymous.get().uri("/v3/api-docs").exchange().expectStatus().isOk();
  }

  @Test
  void anOfficerWritesOnlyForTheirCountiesAndAViewerNotAtAll() {
    noTrace.refused(() -> update(TestIssuer.bearer("officer.qingyuan")), 403)
        .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("330822").contains("331126"));
    noTrace.refused(() -> update(TestIssuer.bearer("viewer")), 403);
    noTrace.refused(() -> post("/api/v1/projects", TestIssuer.bearer("officer.qingyuan"), """
        {"pairingId":"%s","name":"庆元 in 常山's pairing","kind":"INDUSTRIAL_PROJECT","hostCounty":"330822",
         "plannedInvestment":"1000000.00"}""".formatted(changshan.pairing(Officer.CHANGSHAN, Officer.CIXI))), 403);

    update(TestIssuer.bearer("officer.cixi")).expectStatus().isCreated()
        .expectBody().jsonPath("$.submittedBy").isEqualTo("officer.cixi");
    update(TestIssuer.bearer("province.admin")).expectStatus().isCreated()
        .expectBody().jsonPath("$.submittedBy").isEqualTo("province.admin");
  }

  @Test
  void pairingsAndTheActuatorAreTheProvinces() {
    noTrace.refused(() -> post("/api/v1/pairings", TestIssuer.bearer("officer.changshan"),
        "{\"mountainCounty\":\"330822\",\"partnerCounty\":\"330106\",\"since\":2021}"), 403);
    http.get().uri("/actuator/info").header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer("officer.changshan"))
        .exchange().expectStatus().isForbidden();
    http.get().uri("/actuator/info").header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer("province.admin"))
        .exchange().expectStatus().isOk();
  }

  @Test
  void theAuditTrailHasEveryWriteAndEveryRefusalForTheProvinceOnly() {
    Instant start = Instant.now().minusSeconds(1);
    update(TestIssuer.bearer("officer.qingyuan")).expectStatus().isForbidden();
    http.post().uri("/api/v1/projects/{id}/updates", project)
        .header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer("officer.changshan"))
        .header("Idempotency-Key", "audited-" + project).header("X-Request-Id", "req-" + project)
        .contentType(MediaType.APPLICATION_JSON).bodyValue(ENCLAVE_UPDATE)
        .exchange().expectStatus().isCreated().expectHeader().valueEquals("X-Request-Id", "req-" + project);

    // The answers are recorded a moment after they leave.
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      http.get().uri("/api/v1/audit/projects?actor=officer.qingyuan&outcome=REFUSED&from={from}", start)
          .header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer("province.admin")).exchange().expectStatus().isOk()
          .expectBody().jsonPath("$.items[?(@.what == 'POST /api/v1/projects/%s/updates')].reason".formatted(project))
          .isEqualTo(List.of("county"));
      http.get().uri("/api/v1/audit/projects?actor=officer.changshan&outcome=ACCEPTED&from={from}", start)
          .header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer("province.admin")).exchange().expectStatus().isOk()
          .expectBody().jsonPath("$.items[?(@.requestId == 'req-%s')].idempotencyKey".formatted(project))
          .isEqualTo(List.of("audited-" + project))
          .jsonPath("$.items[?(@.requestId == 'req-%s')].status".formatted(project)).isEqualTo(List.of(201));
    });
    http.get().uri("/api/v1/audit/projects").header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer("officer.changshan"))
        .exchange().expectStatus().isForbidden();
    String metrics = http.mutate().codecs(c -> c.defaultCodecs().maxInMemorySize(4 * 1024 * 1024)).build()
        .get().uri("/actuator/prometheus").exchange().expectBody(String.class).returnResult().getResponseBody();
    assertThat(metrics).containsPattern("shanhai_access_refused_total\\{[^}]*reason=\"county\"[^}]*\\} [1-9]");
  }

  private WebTestClient.ResponseSpec update(String authorization) {
    WebTestClient.RequestBodySpec request = http.post().uri("/api/v1/projects/{id}/updates", project)
        .contentType(MediaType.APPLICATION_JSON);
    if (authorization != null) {
      request = request.header(HttpHeaders.AUTHORIZATION, authorization);
    }
    return request.bodyValue(ENCLAVE_UPDATE).exchange();
  }

  private WebTestClient.ResponseSpec post(String path, String authorization, String json) {
    return http.post().uri(path).header(HttpHeaders.AUTHORIZATION, authorization)
        .contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
  }
}
