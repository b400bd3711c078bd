package org.shanhai.payouts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.mongodb.reactivestreams.client.MongoDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.shanhai.events.Topics;
import org.shanhai.testkit.BadInputCorpus;
import org.shanhai.testkit.EventPublisher;
import org.shanhai.testkit.NoTrace;
import org.shanhai.testkit.TestIssuer;
import org.shanhai.testkit.TopicReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Every bad input to the payouts API gets problem+json naming the field, and leaves nothing stored or published. */
@PayoutsServiceTest
class BadInputIT {

  private static final EventPublisher publisher = new EventPublisher();

  @RegisterExtension
  static final TopicReader topic = new TopicReader(Topics.PAYOUTS);

  @Autowired
  WebTestClient http;
  @Autowired
  MongoDatabase database;
  SeedStory story;
  String enclave;
  String village;
  String marker;

  @AfterAll
  static void close() {
    publisher.close();
  }

  @BeforeEach
  void seed() {
    story = new SeedStory(http, publisher);
    enclave = story.enclave(SeedStory.CHANGSHAN, SeedStory.CIXI, "INDUSTRIAL_ENCLAVE").project();
    village = story.village("聚宝村", SeedStory.CHANGSHAN);
    marker = story.village("标记村", SeedStory.CHANGSHAN);
  }

  /** The corpus of the payouts API's village writes (BadInputCorpus): each case 4xx problem+json, and no trace. */
  static Stream<BadInputCorpus.Case> corpus() {
    return Stream.of(
        BadInputCorpus.Endpoint.post("officer.changshan", "/api/v1/villages")
            .text("name", "语料村").id("county", "330822"),
        BadInputCorpus.Endpoint.post("officer.changshan", "/api/v1/villages/{village}/income-reports")
            .integer("year", 2020).amount("income", "50000.00"))
        .flatMap(endpoint -> endpoint.cases().stream());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void everyCaseOfTheCorpusIsRefusedAndLeavesNoTrace(BadInputCorpus.Case bad) {
    new NoTrace(database, topic, List.of("villages", "shareholdings", "aid_transfers"), marker,
        () -> post("/api/v1/villages/" + marker + "/income-reports", "{\"year\":2020,\"income\":\"50000.00\"}")
            .expectStatus().isCreated())
        .refusedWithAnyOf(() -> bad.send(http, Map.of("village", village)), bad.statuses());
  }

  @Test
  void rejectsUnknownVillagesAndProjects() {
    rejected(() -> story.shareholding(holding("\"villageId\":\"no-such-village\"", "0.10")), 422, "holder");
    rejected(() -> story.shareholding(holding("\"villageId\":\"" + village + "\"", "0.10")
        .replace(enclave, "no-such-project")), 422, "projectId");
    rejected(() -> post("/api/v1/villages/no-such-village/income-reports", "{\"year\":2020,\"income\":\"1.00\"}"), 404);
    // The province, who may register a village anywhere, still may not in a county that is no mountain county.
    rejected(() -> post("province.admin", "/api/v1/villages", "{\"name\":\"x\",\"county\":\"330282\"}"), 422,
        "county");
  }

  @Test
  void rejectsAShareholdingInAProjectThatIsNotAnEnclaveOrPark() {
    String road = story.enclave(SeedStory.CHANGSHAN, SeedStory.CIXI, "INDUSTRIAL_PROJECT").project();
    rejected(() -> story.shareholding(holding("\"villageId\":\"" + village + "\"", "0.10").replace(enclave, road)),
        422, "projectId");
  }

  @Test
  void rejectsRatesOutsideBoundsAndNegativeOrAbsurdAmounts() {
    rejected(() -> story.shareholding(holding("\"villageId\":\"" + village + "\"", "0.90")), 422, "guaranteedRate");
    rejected(() -> story.shareholding(holding("\"villageId\":\"" + village + "\"", "-0.10")), 422, "guaranteedRate");
    rejected(() -> story.shareholding(holding("\"villageId\":\"" + village + "\"", "0.10")
        .replace("93000000.00", "-1.00")), 422, "capital");
    rejected(() -> story.shareholding(holding("\"villageId\":\"" + village + "\"", "0.10")
        .replace("93000000.00", "1e20")), 422, "capital");
    rejected(() -> post("/api/v1/villages/" + village + "/income-reports", "{\"year\":2020,\"income\":\"-5.00\"}"),
        422, "income");
    rejected(() -> story.shareholding(holding("\"villageId\":\"" + village + "\"", "0.10")
        .replace("12-31", "02-30")), 422, "payoutMonthDay");
  }

  @Test
  void rejectsDisbursementsToAPaidPayoutOverpaymentsAndFutureDates() {
    String payout = payoutOf(story.shareholding(holding("\"villageId\":\"" + village + "\"", "0.10"))
        .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody());
    String tomorrow = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1).toString();

    rejected(() -> disburse(payout, "9300000.01", "2020-12-31"), 422, "amount");
    rejected(() -> disburse(payout, "0.00", "2020-12-31"), 422, "amount");
    rejected(() -> disburse(payout, "100.00", tomorrow), 422, "paidOn");
    disburse(payout, "9300000.00", "2020-12-31").expectStatus().isCreated();
    rejected(() -> disburse(payout, "1.00", "2021-01-05"), 422, "payout");
    rejected(() -> disburse(payout.replace("2020", "1999"), "1.00", "2021-01-05"), 404);
    rejected(() -> post("/api/v1/villages/" + village + "/income-reports", "{\"year\":2099,\"income\":\"5.00\"}"),
        422, "year");
  }

  @Test
  void rejectsMalformedBodiesAndUnknownFields() {
    rejected(() -> post("/api/v1/shareholdings", "{\"projectId\":"), 400, "body");
    rejected(() -> post("/api/v1/villages", "{\"name\":\"x\",\"county\":\"330822\",\"mayor\":\"y\"}"), 400, "mayor");
    rejected(() -> post("/api/v1/villages/" + village + "/income-reports", "{\"year\":\"last\",\"income\":\"1.00\"}"),
        400, "year");
  }

  @Test
  void rejectsUnknownEnumValuesNamingTheAllowedOnes() {
    rejected(() -> story.shareholding(holding("\"villageId\":\"" + village + "\"", "0.10")
        .replace("GUARANTEED_MINIMUM", "DIVIDEND")), 400, "returnType");
    story.shareholding(holding("\"villageId\":\"" + village + "\"", "0.10").replace("GUARANTEED_MINIMUM", "DIVIDEND"))
        .expectBody().jsonPath("$.errors[0].message").value(message -> assertThat((String) message)
            .contains("GUARANTEED_MINIMUM", "FIXED"));
    rejected(() -> post("/api/v1/aid-transfers", """
        {"pairingId":"x","transactionType":"GRANT","amount":"1.00","date":"2020-12-31"}"""), 400, "transactionType");
    http.get().uri("/api/v1/aid-transfers?type=GRANT").exchange().expectStatus().isBadRequest()
        .expectBody().jsonPath("$.errors[0].field").isEqualTo("type")
        .jsonPath("$.errors[0].message").value(message -> assertThat((String) message).contains("COMMITMENT"));
  }

  @Test
  void rejectsQueryParametersAListDoesNotKnow() {
    for (String path : List.of("/api/v1/payouts?mountainCounty=330822", "/api/v1/shareholdings?pairing=x",
        "/api/v1/villages?name=x", "/api/v1/aid-transfers?partner=330282", "/api/v1/payouts/summary?page=1")) {
      http.get().uri(path).exchange().expectStatus().isBadRequest()
          .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .expectBody().jsonPath("$.errors[0].code").isEqualTo("unknown-parameter");
    }
  }

  @Test
  void rejectsAPaymentsIdempotencyKeyReusedForADifferentPayment() {
    Map<?, ?> shareholding = story.shareholding(holding("\"villageId\":\"" + village + "\"", "0.10"))
        .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
    String payout = payoutOf(shareholding);
    http.post().uri("/api/v1/payouts/" + payout + "/disbursements")
        .header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer("officer.cixi"))
        .header("Idempotency-Key", "pay-1").contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"amount\":\"100.00\",\"paidOn\":\"2020-12-31\"}").exchange().expectStatus().isCreated()
        .expectHeader().valueEquals("Idempotent-Replayed", "false");
    http.post().uri("/api/v1/payouts/" + payout + "/disbursements")
        .header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer("officer.cixi"))
        .header("Idempotency-Key", "pay-1").contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"amount\":\"100.00\",\"paidOn\":\"2020-12-31\"}").exchange().expectStatus().isCreated()
        .expectHeader().valueEquals("Idempotent-Replayed", "true");

    rejected(() -> http.post().uri("/api/v1/payouts/" + payout + "/disbursements")
        .header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer("officer.cixi"))
        .header("Idempotency-Key", "pay-1").contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"amount\":\"200.00\",\"paidOn\":\"2020-12-31\"}").exchange(), 422, "Idempotency-Key");
  }

  @Test
  void rejectsOperatorInjectionInFilters() {
    http.get().uri("/api/v1/payouts?county={c}", "{\"$ne\":null}").exchange().expectStatus().isBadRequest()
        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody().jsonPath("$.errors[0].field").isEqualTo("county");
    http.get().uri("/api/v1/payouts?project={p}", "{\"$gt\":\"\"}").exchange().expectStatus().isBadRequest();
    http.get().uri("/api/v1/payouts?status=LATE").exchange().expectStatus().isBadRequest();
    http.get().uri("/api/v1/shareholdings?village={v}", "$where").exchange().expectStatus().isBadRequest();
    http.get().uri("/api/v1/payouts/summary?pairing={p}", "{\"$gt\":\"\"}").exchange().expectStatus().isBadRequest();
  }

  private String holding(String holder, String rate) {
    return """
        {"projectId":"%s","holder":{%s},"capital":"93000000.00","returnType":"GUARANTEED_MINIMUM",
         "guaranteedRate":"%s","payoutMonthDay":"12-31","firstPayoutYear":2020,"lastPayoutYear":2021}"""
        .formatted(enclave, holder, rate);
  }

  private static String payoutOf(Map<?, ?> shareholding) {
    return ((List<?>) shareholding.get("payoutIds")).get(0).toString();
  }

  private WebTestClient.ResponseSpec disburse(String payout, String amount, String paidOn) {
    return post("/api/v1/payouts/" + payout + "/disbursements",
        "{\"amount\":\"" + amount + "\",\"paidOn\":\"" + paidOn + "\"}");
  }

  private WebTestClient.ResponseSpec post(String path, String json) {
    return post("officer.changshan", path, json);
  }

  private WebTestClient.ResponseSpec post(String user, String path, String json) {
    return http.post().uri(path).header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer(user))
        .contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
  }

  /** Answered with {@code status} as problem+json naming {@code fields}; nothing stored, nothing published. */
  private void rejected(Supplier<WebTestClient.ResponseSpec> request, int status, String... fields) {
    new NoTrace(database, topic, List.of("villages", "shareholdings", "aid_transfers"), marker,
        () -> post("/api/v1/villages/" + marker + "/income-reports", "{\"year\":2020,\"income\":\"50000.00\"}")
            .expectStatus().isCreated())
        .refused(request, status, fields);
  }
}
