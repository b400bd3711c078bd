package org.shanhai.payouts;

import java.util.List;
import java.util.Map;

import com.mongodb.reactivestreams.client.MongoDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.shanhai.events.Topics;
import org.shanhai.testkit.EventPublisher;
import org.shanhai.testkit.NoTrace;
import org.shanhai.testkit.TestIssuer;
import org.shanhai.testkit.TopicReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Who may write what about the villages' money, with tokens from the test issuer: a village and its
 * income are its county's; shareholdings, payments and aid are either county's of the pairing; the
 * dead letters are the province's. Every refusal is 403 (401 without a token) and leaves no trace.
 */
@PayoutsServiceTest
class AccessIT {

  private static final EventPublisher publisher = new EventPublisher();

  @RegisterExtension
  static final TopicReader topic = new TopicReader(Topics.PAYOUTS);

  @Autowired
  WebTestClient http;
  @Autowired
  MongoDatabase database;
  SeedStory story;
  SeedStory.Enclave cixi;
  String village;
  String payout;
  NoTrace noTrace;

  @AfterAll
  static void close() {
    publisher.close();
  }

  @BeforeEach
  void changshanWithCixi() {
    story = new SeedStory(http, publisher);
    cixi = story.enclave(SeedStory.CHANGSHAN, SeedStory.CIXI, "INDUSTRIAL_ENCLAVE");
    village = story.village("聚宝村", SeedStory.CHANGSHAN);
    Map<?, ?> holding = story.shareholding(shareholding()).expectStatus().isCreated().expectBody(Map.class)
        .returnResult().getResponseBody();
    payout = ((List<?>) holding.get("payoutIds")).get(0).toString();
    String marker = story.village("标记村", SeedStory.CHANGSHAN);
    noTrace = new NoTrace(database, topic, List.of("villages", "shareholdings", "aid_transfers"), marker,
        () -> post("officer.changshan", "/api/v1/villages/" + marker + "/income-reports",
            "{\"year\":2020,\"income\":\"50000.00\"}").expectStatus().isCreated());
  }

  @Test
  void aVillageAndItsIncomeAreItsCountys() {
    noTrace.refused(() -> post("officer.cixi", "/api/v1/villages", "{\"name\":\"外县村\",\"county\":\"330822\"}"),
        403);
    noTrace.refused(() -> post("officer.cixi", "/api/v1/villages/" + village + "/income-reports",
        "{\"year\":2020,\"income\":\"1.00\"}"), 403);
    noTrace.refused(() -> post("viewer", "/api/v1/villages/" + village + "/income-reports",
        "{\"year\":2020,\"income\":\"1.00\"}"), 403);
    post("officer.changshan", "/api/v1/villages/" + village + "/income-reports", "{\"year\":2020,\"income\":\"1.00\"}")
        .expectStatus().isCreated();
  }

  @Test
  void sharesPaymentsAndAidAreEitherCountysOfThePairing() {
    noTrace.refused(() -> post("officer.qingyuan", "/api/v1/shareholdings", shareholding()), 403);
    noTrace.refused(() -> post("officer.qingyuan", "/api/v1/payouts/" + payout + "/disbursements",
        "{\"amount\":\"1.00\",\"paidOn\":\"2020-12-31\"}"), 403);
    noTrace.refused(() -> post("officer.qingyuan", "/api/v1/aid-transfers", """
        {"pairingId":"%s","transactionType":"COMMITMENT","amount":"1.00","date":"2020-06-30","purpose":"x"}"""
        .formatted(cixi.pairing())), 403);
    noTrace.unauthenticated(() -> http.post().uri("/api/v1/payouts/" + payout + "/disbursements")
        .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"amount\":\"1.00\",\"paidOn\":\"2020-12-31\"}")
        .exchange(), "Bearer");

    post("officer.cixi", "/api/v1/payouts/" + payout + "/disbursements",
        "{\"amount\":\"1.00\",\"paidOn\":\"2020-12-31\"}").expectStatus().isCreated()
        .expectBody().jsonPath("$.disbursements[0].recordedBy").isEqualTo("officer.cixi");
  }

  @Test
  void theDeadLettersAreTheProvinces() {
    http.get().uri("/actuator/deadletters")
        .header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer("officer.changshan")).exchange()
        .expectStatus().isForbidden();
    http.get().uri("/actuator/deadletters").header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer("province.admin"))
        .exchange().expectStatus().isOk();
  }

  private String shareholding() {
    return """
        {"projectId":"%s","holder":{"name":"常山聚宝村","villageCount":1,"villageIds":["%s"]},
         "capital":"1000000.00","returnType":"FIXED","fixedAnnualAmount":"100000.00","payoutMonthDay":"12-31",
         "firstPayoutYear":2020,"lastPayoutYear":2020}""".formatted(cixi.project(), village);
  }

  private WebTestClient.ResponseSpec post(String user, String path, String json) {
    return http.post().uri(path).header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer(user))
        .contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
  }
}
