package org.shanhai.projects;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.mongodb.reactivestreams.client.MongoDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.shanhai.events.Topics;
import org.shanhai.testkit.BadInputCorpus;
import org.shanhai.testkit.NoTrace;
import org.shanhai.testkit.TestIssuer;
import org.shanhai.testkit.TopicReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every bad input of DESIGN.md §6 gets a problem+json 4xx naming the field, and leaves nothing
 * stored or published ({@link NoTrace}).
 */
@ProjectsServiceTest
class BadInputIT {

  @RegisterExtension
  static final TopicReader topic = new TopicReader(Topics.PROJECTS);

  @Autowired
  WebTestClient http;
  @Autowired
  MongoDatabase database;
  Officer officer;
  String project;
  String marker;

  @BeforeEach
  void projects() {
    officer = new Officer(http, "officer.changshan");
    project = officer.anIndustrialEnclave();
    officer.update(project, """
        {"reportDate":"2021-06-30","status":"UNDER_CONSTRUCTION","cumulativeInvestment":"30000000.00"}""", null)
        .expectStatus().isCreated();
    marker = officer.anIndustrialEnclave();
  }

  /** The corpus of the projects API's writes (BadInputCorpus): each case 4xx problem+json, and no trace. */
  static Stream<BadInputCorpus.Case> corpus() {
    return Stream.of(
        BadInputCorpus.Endpoint.post("province.admin", "/api/v1/pairings")
            .id("mountainCounty", "330822").id("partnerCounty", "330212").integer("since", 2011),
        BadInputCorpus.Endpoint.post("officer.changshan", "/api/v1/projects")
            .id("pairingId", "{pairing}").text("name", "常山—慈溪产业飞地 语料").choice("kind", "INDUSTRIAL_ENCLAVE")
            .id("hostCounty", "330282").amount("plannedInvestment", "93000000.00")
            .literal("investmentPlan", "[{\"date\":\"2021-12-31\",\"cumulative\":\"50000000.00\"}]")
            .date("plannedStart", "2020-06-01").date("plannedCompletion", "2022-12-31")
            .text("externalCode", "CORPUS-1"),
        BadInputCorpus.Endpoint.post("officer.changshan", "/api/v1/projects/{project}/updates")
            .date("reportDate", "2021-07-31").choice("status", "UNDER_CONSTRUCTION")
            .amount("cumulativeInvestment", "40000000.00").amount("fundsInPlace", "50000000.00")
            .integer("jobsCreated", 12).text("note", "语料").amount("plannedInvestment", "93000000.00"))
        .flatMap(endpoint -> endpoint.cases().stream());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void everyCaseOfTheCorpusIsRefusedAndLeavesNoTrace(BadInputCorpus.Case bad) {
    new NoTrace(database, topic, List.of("pairings", "projects", "project_updates"), marker,
        () -> officer.update(marker, "{\"reportDate\":\"2021-06-30\"}", null).expectStatus().isCreated())
        .refusedWithAnyOf(() -> bad.send(http, Map.of("project", project,
            "pairing", officer.pairing(Officer.CHANGSHAN, Officer.CIXI))), bad.statuses());
  }

  @Test
  void rejectsMalformedJson() {
    rejected(() -> postUpdate("{\"reportDate\":\"2021-07-31\",", null), 400, "body");
  }

  @Test
  void rejectsWrongTypes() {
    rejected(() -> postUpdate("{\"reportDate\":\"2021-07-31\",\"jobsCreated\":\"many\"}", null), 400,
        "jobsCreated");
    rejected(() -> postUpdate("{\"reportDate\":\"31/07/2021\"}", null), 400, "reportDate");
    rejected(() -> postUpdate("{\"reportDate\":\"2021-07-31\",\"cumulativeInvestment\":true}", null), 400,
        "cumulativeInvestment");
  }

  @Test
  void rejectsParametersOfTheWrongTypeSayingWhatTheyTake() {
    String valid = "{\"reportDate\":\"2021-07-31\",\"jobsCreated\":12}";
    rejected(() -> postJson("/api/v1/projects/" + project + "/updates?dryRun=maybe", valid), 400, "dryRun");
    postJson("/api/v1/projects/" + project + "/updates?dryRun=maybe", valid).expectBody()
        .jsonPath("$.errors[0].code").isEqualTo("malformed")
        .jsonPath("$.errors[0].message").isEqualTo("dryRun must be true or false");
  }

  @Test
  void rejectsUnknownFields() {
    rejected(() -> postUpdate("{\"reportDate\":\"2021-07-31\",\"investment\":\"1.00\"}", null), 400,
        "investment");
  }

  @Test
  void rejectsNegativeAbsurdAndOverPreciseAmounts() {
    rejected(() -> postUpdate("{\"reportDate\":\"2021-07-31\",\"cumulativeInvestment\":\"-5.00\"}", null), 422,
        "cumulativeInvestment");
    rejected(() -> postUpdate("{\"reportDate\":\"2021-07-31\",\"cumulativeInvestment\":\"1e15\"}", null), 422,
        "cumulativeInvestment");
    rejected(() -> postUpdate("{\"reportDate\":\"2021-07-31\",\"fundsInPlace\":\"100.001\"}", null), 422,
        "fundsInPlace");
    rejected(() -> postUpdate("{\"reportDate\":\"2021-07-31\",\"jobsCreated\":-1}", null), 422, "jobsCreated");
  }

  @Test
  void rejectsFundsInPlaceAboveTheConfiguredMultipleOfPlannedInvestment() {
    rejected(() -> postUpdate("{\"reportDate\":\"2021-07-31\",\"fundsInPlace\":\"140000000.00\"}", null), 422,
        "fundsInPlace");
  }

  @Test
  void rejectsInvestmentThatGoesDown() {
    rejected(() -> postUpdate("{\"reportDate\":\"2021-07-31\",\"cumulativeInvestment\":\"29999999.99\"}", null),
        422, "cumulativeInvestment");
  }

  @Test
  void rejectsImpossibleStatusTransitions() {
    rejected(() -> postUpdate("{\"reportDate\":\"2021-07-31\",\"status\":\"SIGNED\"}", null), 422, "status");
  }

  @Test
  void rejectsUnknownEnumValuesNamingTheAllowedOnes() {
    rejected(() -> postUpdate("{\"reportDate\":\"2021-07-31\",\"status\":\"FINISHED\"}", null), 400, "status");
    postUpdate("{\"reportDate\":\"2021-07-31\",\"status\":\"FINISHED\"}", null).expectBody()
        .jsonPath("$.errors[0].code").isEqualTo("unknown-value")
        .jsonPath("$.errors[0].message").value(message -> assertThat((String) message)
            .contains("PLANNED", "UNDER_CONSTRUCTION", "IN_PRODUCTION", "CANCELLED"));
    rejected(() -> postJson("/api/v1/projects", """
        {"pairingId":"%s","name":"x","kind":"FLYING_ENCLAVE","hostCounty":"330282"}"""
        .formatted(officer.pairing(Officer.CHANGSHAN, Officer.CIXI))), 400, "kind");
    http.get().uri("/api/v1/projects?kind=FLYING_ENCLAVE").exchange().expectStatus().isBadRequest()
        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody().jsonPath("$.errors[0].field").isEqualTo("kind")
        .jsonPath("$.errors[0].message").value(message -> assertThat((String) message).contains("INDUSTRIAL_ENCLAVE"));
  }

  @Test
  void rejectsQueryParametersTheListDoesNotKnow() {
    // A mistyped filter would otherwise answer every pairing without a word.
    http.get().uri("/api/v1/pairings?mountainCounty=331126").exchange().expectStatus().isBadRequest()
        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody().jsonPath("$.errors[0].field").isEqualTo("mountainCounty")
        .jsonPath("$.errors[0].code").isEqualTo("unknown-parameter");
    http.get().uri("/api/v1/projects?county=330822&sort=name").exchange().expectStatus().isBadRequest()
        .expectBody().jsonPath("$.errors[0].field").isEqualTo("sort");
    http.get().uri("/api/v1/projects/{id}?verbose=true", marker).exchange().expectStatus().isBadRequest();
    rejected(() -> http.post().uri("/api/v1/projects/{id}/updates?draft=true", project)

        .header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer("officer.changshan"))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"reportDate\":\"2021-07-31\"}").exchange(), 400, "draft");
  }

  @Test
  void rejectsReportDatesInTheFutureOrBeforeTheLastReport() {
    String tomorrow = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1).toString();
    rejected(() -> postUpdate("{\"reportDate\":\"" + tomorrow + "\"}", null), 422, "reportDate");
    rejected(() -> postUpdate("{\"reportDate\":\"2021-05-31\"}", null), 422, "reportDate");
    rejected(() -> postUpdate("{\"status\":\"TOPPED_OUT\"}", null), 422, "reportDate");
  }

  @Test
  void rejectsOversizedBodies() {
    String note = "长".repeat(40_000);
    rejected(() -> postUpdate("{\"reportDate\":\"2021-07-31\",\"note\":\"" + note + "\"}", null), 413);
  }

  @Test
  void rejectsUnknownCountiesAndCountiesOnTheWrongSide() {
    rejected(() -> postJson("/api/v1/pairings",
        "{\"mountainCounty\":\"330999\",\"partnerCounty\":\"330282\",\"since\":2015}"), 422, "mountainCounty");
    rejected(() -> postJson("/api/v1/pairings",
        "{\"mountainCounty\":\"330282\",\"partnerCounty\":\"330822\",\"since\":2015}"), 422, "mountainCounty",
        "partnerCounty");
    rejected(() -> postJson("/api/v1/pairings",
        "{\"mountainCounty\":\"330822\",\"partnerCounty\":\"330282\",\"since\":2099}"), 422, "since");
  }

  @Test
  void rejectsASecondRunningPairingOfTheSameCountiesAndNamesTheRunningOne() {
    String running = officer.pairing(Officer.CHANGSHAN, Officer.CIXI);
    rejected(() -> postJson("/api/v1/pairings",
        "{\"mountainCounty\":\"330822\",\"partnerCounty\":\"330282\",\"since\":2020}"), 409);
    postJson("/api/v1/pairings", "{\"mountainCounty\":\"330822\",\"partnerCounty\":\"330282\",\"since\":2020}")
        .expectBody().jsonPath("$.existing").isEqualTo("/api/v1/pairings/" + running);
  }

  @Test
  void rejectsEndingAPairingBeforeItBeganInTheFutureOrWithoutAYear() {
    String pairing = officer.pairing(Officer.CHANGSHAN, Officer.CIXI);
    rejected(() -> postJson("/api/v1/pairings/" + pairing + "/end", "{\"until\":2005}"), 422, "until");
    rejected(() -> postJson("/api/v1/pairings/" + pairing + "/end", "{\"until\":2999}"), 422, "until");
    rejected(() -> postJson("/api/v1/pairings/" + pairing + "/end", "{}"), 422, "until");
    rejected(() -> postJson("/api/v1/pairings/" + pairing + "/end", "{\"until\":\"soon\"}"), 400, "until");
    rejected(() -> postJson("/api/v1/pairings/no-such-pairing/end", "{\"until\":2020}"), 404);
  }

  @Test
  void rejectsInvalidProjectRegistrations() {
    String pairing = officer.pairing(Officer.CHANGSHAN, Officer.CIXI);
    rejected(() -> postJson("/api/v1/projects", """
        {"pairingId":"%s","name":"x","hostCounty":"999999","plannedInvestment":"-1.00",
         "investmentPlan":[{"date":"2022-12-31","cumulative":"5.00"},{"date":"2021-12-31","cumulative":"1.00"}],
         "plannedStart":"2022-01-01","plannedCompletion":"2021-01-01"}""".formatted(pairing)), 422,
        "kind", "hostCounty", "plannedInvestment", "investmentPlan[1].date", "investmentPlan[1].cumulative",
        "plannedCompletion");
    rejected(() -> postJson("/api/v1/projects", """
        {"pairingId":"%s","name":"x","kind":"INDUSTRIAL_PROJECT","hostCounty":"330822","plannedInvestment":"0.00"}"""
        .formatted(pairing)), 422, "plannedInvestment");
    rejected(() -> postJson("/api/v1/projects", """
        {"pairingId":"no-such-pairing","name":"x","kind":"INDUSTRIAL_PROJECT","hostCounty":"330822",
         "plannedInvestment":"1.00"}"""), 422, "pairingId");
    rejected(() -> postJson("/api/v1/projects", """
        {"pairingId":"%s","name":"x","kind":"INDUSTRIAL_PROJECT","hostCounty":"330822","plannedInvestment":"1.00",
         "enclaveId":"%s","status":"CANCELLED"}""".formatted(pairing, marker)), 422, "status");
  }

  @Test
  void rejectsOperatorInjectionInFilters() {
    http.get().uri("/api/v1/projects?pairing={p}", "{\"$gt\":\"\"}")
        .exchange().expectStatus().isBadRequest()
        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody().jsonPath("$.errors[0].field").isEqualTo("pairing");
    http.get().uri("/api/v1/projects?county={c}", "{\"$ne\":null}")
        .exchange().expectStatus().isBadRequest()
        .expectBody().jsonPath("$.errors[0].field").isEqualTo("county");
    http.get().uri("/api/v1/pairings?county={c}", "$where")
        .exchange().expectStatus().isBadRequest();
    http.get().uri("/api/v1/projects?size=100000").exchange().expectStatus().isBadRequest();
  }

  @Test
  void answersUnknownResourcesWithProblemJson() {
    http.get().uri("/api/v1/projects/does-not-exist").exchange().expectStatus().isNotFound()
        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody().jsonPath("$.type").isEqualTo("https://shanhai.example/problems/not-found");
    rejected(() -> officer.update("does-not-exist", "{\"reportDate\":\"2021-07-31\"}", null), 404);
    http.get().uri("/api/v1/nowhere").exchange().expectStatus().isNotFound()
        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
  }

  private WebTestClient.ResponseSpec postUpdate(String json, String key) {
    return officer.update(project, json, key);
  }

  /** Pairings are the province's; the rest is written by 常山's officer. */
  private WebTestClient.ResponseSpec postJson(String path, String json) {
    String user = path.startsWith("/api/v1/pairings") ? "province.admin" : "officer.changshan";
    return http.post().uri(path).header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer(user))
        .contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
  }

  private void rejected(Supplier<WebTestClient.ResponseSpec> request, int status, String... fields) {
    new NoTrace(database, topic, List.of("pairings", "projects", "project_updates"), marker,
        () -> officer.update(marker, "{\"reportDate\":\"2021-06-30\"}", null).expectStatus().isCreated())
        .refused(request, status, fields);
  }
}
