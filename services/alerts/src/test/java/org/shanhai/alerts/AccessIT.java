package org.shanhai.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.mongodb.reactivestreams.client.MongoDatabase;
import org.bson.Document;
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
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

/**
 * Who may do what with alerts, with tokens from the test issuer: rules, silences and targets are the
 * province's; an alert is acknowledged or resolved by an officer of a county it is labelled with; an
 * officer subscribes to their own counties' alerts only, and sees and changes only their own
 * subscriptions. Refusals are 403 and leave no trace; a webhook secret is stored encrypted.
 */
@AlertsServiceTest
class AccessIT {

  private static final EventPublisher publisher = new EventPublisher();

  @RegisterExtension
  static final TopicReader topic = new TopicReader(Topics.ALERTS);

  @Autowired
  WebTestClient http;
  @Autowired
  MongoDatabase database;
  @Autowired
  TestClock clock;
  NoTrace noTrace;

  @AfterAll
  static void close() {
    publisher.close();
  }

  @BeforeEach
  void noTrace() {
    noTrace = new NoTrace(database, topic, List.of("subscriptions", "silences", "targets", "rules", "alerts"));
  }

  @Test
  void rulesSilencesAndTargetsAreTheProvinces() {
    noTrace.refused(() -> write("officer.changshan", "PUT", "/api/v1/rules/project-stalled", "{\"enabled\":false}"),
        403);
    noTrace.refused(() -> write("officer.changshan", "POST", "/api/v1/silences", """
        {"matchers":{"county":["330822"]},"endsAt":"2099-01-01T00:00:00Z","comment":"x"}"""), 403);
    noTrace.refused(() -> write("officer.changshan", "PUT", "/api/v1/targets/county/330822/2026",
        "{\"investment\":\"5.00\"}"), 403);
    noTrace.refused(() -> write("viewer", "PUT", "/api/v1/targets/county/330822/2026", "{\"investment\":\"5.00\"}"),
        403);
  }

  @Test
  void anAlertIsHandledByAnOfficerOfACountyItIsLabelledWith() {
    Facts facts = new Facts(publisher);
    Officer officer = new Officer(http);
    facts.registerAndSuspend(clock.instant());
    String id = (String) officer.awaitAlert(facts.project, "project-suspended", "FIRING").get("id");

    noTrace.refused(() -> write("officer.qingyuan", "POST", "/api/v1/alerts/" + id + "/acknowledge", "{}"), 403)
        .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("331126"));

    write("officer.cixi", "POST", "/api/v1/alerts/" + id + "/acknowledge", "{\"note\":\"园区已知\"}")
        .expectStatus().isOk().expectBody().jsonPath("$.acknowledgedBy").isEqualTo("officer.cixi");
  }

  @Test
  void anOfficerSubscribesToTheirOwnCountiesAndSeesOnlyTheirOwnSubscriptions() {
    noTrace.refused(() -> write("officer.qingyuan", "POST", "/api/v1/subscriptions", sse("{\"county\":[\"330822\"]}")),
        403);
    Map<?, ?> qingyuan = write("officer.qingyuan", "POST", "/api/v1/subscriptions",
        sse("{\"rule\":[\"weak-village\"]}")).expectStatus().isCreated().expectBody(Map.class).returnResult()
        .getResponseBody();
    assertThat(((Map<?, ?>) qingyuan.get("matchers")).get("anyCounty")).isEqualTo(List.of("331126"));
    String id = (String) qingyuan.get("id");

    read("officer.changshan", "/api/v1/subscriptions/" + id).expectStatus().isForbidden();
    noTrace.refused(() -> write("officer.changshan", "DELETE", "/api/v1/subscriptions/" + id, null), 403);
    read("officer.changshan", "/api/v1/subscriptions?size=200").expectStatus().isOk()
        .expectBody().jsonPath("$.items[?(@.createdBy != 'officer.changshan')]").isEmpty();
    read("province.admin", "/api/v1/subscriptions/" + id).expectStatus().isOk();
    read("officer.qingyuan", "/api/v1/subscriptions/" + id + "/deliveries").expectStatus().isOk();
  }

  @Test
  void aWebhookSecretIsStoredEncryptedAndNeverShownAgain() {
    String secret = Officer.SECRET;
    Map<?, ?> created = write("officer.changshan", "POST", "/api/v1/subscriptions", """
        {"name":"常山县发改局","channel":{"type":"WEBHOOK","url":"http://127.0.0.1:9/hook","secret":"%s"}}"""
        .formatted(secret)).expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
    String id = (String) created.get("id");

    Document stored = Mono.from(database.getCollection("subscriptions").find(new Document("_id", id)).first()).block();
    assertThat(stored.toJson()).doesNotContain(secret.substring("whsec_".length()));
    assertThat(stored.get("channel", Document.class).getList("secrets", Document.class).get(0).getString("value"))
        .startsWith("enc:v1:");
    read("officer.changshan", "/api/v1/subscriptions/" + id).expectStatus().isOk().expectBody(String.class)
        .value(body -> assertThat(body).doesNotContain(secret.substring("whsec_".length())));
  }

  private static String sse(String matchers) {
    return """
        {"name":"县里的告警","matchers":%s,"channel":{"type":"SSE"}}""".formatted(matchers);
  }

  private WebTestClient.ResponseSpec read(String user, String path) {
    return http.get().uri(path).header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer(user)).exchange();
  }

  private WebTestClient.ResponseSpec write(String user, String method, String path, String json) {
    WebTestClient.RequestBodySpec request = http.method(HttpMethod.valueOf(method)).uri(path)
        .header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer(user)).contentType(MediaType.APPLICATION_JSON);
    return json == null ? request.exchange() : request.bodyValue(json).exchange();
  }
}
