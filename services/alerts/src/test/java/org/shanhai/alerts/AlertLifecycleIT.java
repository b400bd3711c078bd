package org.shanhai.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.shanhai.alerts.alert.Evaluation;
import org.shanhai.events.Topics;
import org.shanhai.events.alerts.AlertEscalated;
import org.shanhai.testkit.EventPublisher;
import org.shanhai.testkit.TestIssuer;
import org.shanhai.testkit.TopicReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The alert lifecycle through the API: escalation when nobody acknowledges, acknowledgement,
 * resolution by hand, rules changed at run time; and delivery's edges: grouping, 410 Gone,
 * recovery, poison messages.
 */
@AlertsServiceTest
class AlertLifecycleIT {

  private static final EventPublisher publisher = new EventPublisher();
  private static final ZoneId ZHEJIANG = ZoneId.of("Asia/Shanghai");

  @RegisterExtension
  static final TopicReader deadLetters = new TopicReader("shanhai.projects.v1.alerts.dlq");

  @Autowired
  WebTestClient http;
  @Autowired
  TestClock clock;
  @Autowired
  Evaluation evaluation;

  private final WebhookReceiver receiver = new WebhookReceiver();

  @AfterEach
  void tearDown() {
    receiver.close();
    clock.reset();
    putRule("project-suspended", """
        {"enabled":true,"severity":"WARNING","for":"PT0S","escalateAfter":"PT24H"}""");
  }

  @AfterAll
  static void close() {
    publisher.close();
  }

  @Test
  void anUnacknowledgedAlertEscalatesAndAnAcknowledgedOneIsResolvedByHandForGood() {
    putRule("project-suspended", """
        {"escalateAfter":"PT1H"}""");
    Facts facts = new Facts(publisher);
    Officer officer = new Officer(http);
    String subscription = officer.subscribe(receiver.url(), facts.project);
    facts.registerAndSuspend(clock.instant());
    String id = (String) officer.awaitAlert(facts.project, "project-suspended", "FIRING").get("id");
    // The first notification must be recorded before the clock jumps: a jump past its lease while it is
    // in flight would (rightly) send it again, as after a crashed worker.
    await().atMost(Duration.ofSeconds(10)).until(() -> officer.deliveries(subscription),
        d -> d.size() == 1 && "DELIVERED".equals(d.get(0).get("status")));

    clock.advance(Duration.ofMinutes(61));
    evaluation.all().block();
    assertThat(officer.awaitAlert(facts.project, "project-suspended", "FIRING")).containsEntry("severity", "CRITICAL");
    List<WebhookReceiver.Received> received = await().atMost(Duration.ofSeconds(10)).until(receiver::received,
        r -> r.size() == 2);
    assertThat(received.get(1).body()).contains(AlertEscalated.TYPE);

    http.post().uri("/api/v1/alerts/" + id + "/acknowledge")
        .header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer("officer.changshan"))
        .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"note\":\"已联系园区\"}").exchange()
        .expectStatus().isOk().expectBody().jsonPath("$.state").isEqualTo("ACKNOWLEDGED")
        .jsonPath("$.acknowledgedBy").isEqualTo("officer.changshan");
    http.post().uri("/api/v1/alerts/" + id + "/resolve")
        .header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer("officer.changshan"))
        .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
        .expectStatus().isEqualTo(422).expectBody().jsonPath("$.errors[0].field").isEqualTo("note");
    http.post().uri("/api/v1/alerts/" + id + "/resolve")
        .header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer("officer.changshan"))
        .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"note\":\"复工计划已报\"}").exchange()
        .expectStatus().isOk().expectBody().jsonPath("$.resolution").isEqualTo("MANUAL");

    // The project is still suspended, yet the next rounds do not reopen what an officer resolved.
    clock.advance(Duration.ofHours(2));
    evaluation.all().block();
    assertThat(officer.alertsOf(facts.project)).singleElement().satisfies(a -> assertThat(a.get("state"))
        .isEqualTo("RESOLVED"));
    http.post().uri("/api/v1/alerts/" + id + "/acknowledge")
        .header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer("officer.changshan")).exchange()
        .expectStatus().isEqualTo(409);
  }

  @Test
  void aRuleTurnedOffResolvesItsAlertsAndItsSettingsAreValidated() {
    Facts facts = new Facts(publisher);
    Officer officer = new Officer(http);
    facts.registerAndSuspend(clock.instant());
    officer.awaitAlert(facts.project, "project-suspended", "FIRING");

    String etag = http.get().uri("/api/v1/rules/project-suspended").exchange().expectStatus().isOk()
        .returnResult(String.class).getResponseHeaders().getETag();
    http.put().uri("/api/v1/rules/project-suspended")
        .header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer("province.admin")).header("If-Match", "\"999\"")
        .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"enabled\":false}").exchange()
        .expectStatus().isEqualTo(412);
    http.put().uri("/api/v1/rules/project-suspended")
        .header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer("province.admin"))
        .contentType(MediaType.APPLICATION_JSON).bodyValue("""
            {"severity":"LOUD"}""").exchange()
        .expectStatus().isEqualTo(400).expectBody().jsonPath("$.errors[0].field").isEqualTo("severity");
    http.put().uri("/api/v1/rules/project-suspended")
        .header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer("province.admin"))
        .contentType(MediaType.APPLICATION_JSON).bodyValue("""
            {"for":"P90D","params":{"days":"3"}}""").exchange()
        .expectStatus().isEqualTo(422).expectBody().jsonPath("$.errors.length()").isEqualTo(2);
    http.put().uri("/api/v1/rules/project-suspended")
        .header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer("province.admin")).header("If-Match", etag)
        .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"enabled\":false}").exchange()
        .expectStatus().isOk().expectBody().jsonPath("$.enabled").isEqualTo(false);

    evaluation.all().block();
    assertThat(officer.awaitAlert(facts.project, "project-suspended", "RESOLVED")).containsEntry("resolution", "AUTO");
  }

  @Test
  void alertsWithinTheGroupingWindowTravelInOneNotification() {
    Facts facts = new Facts(publisher);
    Officer officer = new Officer(http);
    officer.subscribe("""
        {"name":"慈溪协作办","matchers":{"project":["%s"]},"groupWindow":"PT4S",
         "channel":{"type":"WEBHOOK","url":"%s","secret":"%s"}}""".formatted(facts.project, receiver.url(),
        Officer.SECRET));
    // Windows are cut on the events' own time: start just after a window opens, so the three fall in one.
    long window = Duration.ofSeconds(4).toMillis();
    clock.advance(Duration.ofMillis(window - clock.millis() % window + 100));
    facts.payoutOverdue(3, 2019, "0.00");
    facts.payoutOverdue(4, 2020, "0.00");
    facts.payoutOverdue(5, 2021, "0.00");

    await().atMost(Duration.ofSeconds(30)).until(() -> officer.alertsOf(facts.project).size() == 3);
    List<WebhookReceiver.Received> received = await().atMost(Duration.ofSeconds(15))
        .until(receiver::received, r -> r.stream().mapToInt(x -> x.body().split("\"eventId\"").length - 1).sum() >= 3);
    assertThat(received.size()).as("fewer notifications than alert events").isLessThan(3);
  }

  @Test
  void aReceiverAnswering410DisablesTheSubscriptionAndRecoverySendsAgainOnceEnabled() {
    Facts facts = new Facts(publisher);
    Officer officer = new Officer(http);
    String subscription = officer.subscribe(receiver.url(), facts.project);
    receiver.answerNext(410);
    facts.registerAndSuspend(clock.instant());

    await().atMost(Duration.ofSeconds(15)).until(() -> "DISABLED".equals(http.get()
        .uri("/api/v1/subscriptions/" + subscription)

        .header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer("officer.changshan")).exchange().expectBody(Map.class)
        .returnResult()
        .getResponseBody().get("status")));
    http.get().uri("/api/v1/subscriptions/" + subscription)
        .header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer("officer.changshan")).exchange().expectBody()
        .jsonPath("$.statusReasonCode").isEqualTo("gone").jsonPath("$.statusReason").value(r -> assertThat(
            (String) r).startsWith("the receiver answered 410 Gone at "));
    assertThat(officer.deliveries(subscription)).singleElement().satisfies(d -> assertThat(d)
        .containsEntry("status", "FAILED").containsEntry("reasonCode", "gone"));
    String since = clock.instant().minus(Duration.ofHours(1)).toString();
    http.post().uri("/api/v1/subscriptions/" + subscription + "/recover?since=" + since)
        .header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer("officer.changshan"))
        .exchange().expectStatus().isEqualTo(422);

    http.post().uri("/api/v1/subscriptions/" + subscription + "/enable")
        .header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer("officer.changshan")).exchange()
        .expectStatus().isOk();
    http.post().uri("/api/v1/subscriptions/" + subscription + "/recover?since=" + since)
        .header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer("officer.changshan"))
        .exchange().expectStatus().isOk().expectBody().jsonPath("$.recovered").isEqualTo(1);
    List<WebhookReceiver.Received> received = await().atMost(Duration.ofSeconds(10)).until(receiver::received,
        r -> r.size() == 2);
    assertThat(received.get(1).webhookId()).as("the same message, for receivers to dedupe")
        .isEqualTo(received.get(0).webhookId());
    assertThat(received.get(1).answeredWith()).isEqualTo(200);
  }

  @Test
  void aStaleEventChangesNothingAndAPoisonMessageIsDeadLettered() {
    Facts facts = new Facts(publisher);
    Officer officer = new Officer(http);
    facts.registerProject(clock.instant());
    facts.changeStatus(3, "UNDER_CONSTRUCTION", "SUSPENDED", LocalDate.now(ZHEJIANG));
    officer.awaitAlert(facts.project, "project-suspended", "FIRING");

    publisher.publishRaw(Topics.PROJECTS, "poison", "this is not a CloudEvent");
    facts.changeStatus(2, "SUSPENDED", "UNDER_CONSTRUCTION", LocalDate.now(ZHEJIANG));
    assertThat(deadLetters.awaitKey("poison", 1, Duration.ofSeconds(60)).get(0).body())
        .isEqualTo("this is not a CloudEvent");
    // Each consumer group's dead letters can be listed and replayed (docs/operations.md; replay is tested in payouts).
    http.get().uri("/actuator/deadletters").header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer("province.admin"))
        .exchange().expectStatus().isOk().expectBody()
        .jsonPath("$['shanhai.projects.v1.alerts.dlq'].letters").isEqualTo(1)
        .jsonPath("$['shanhai.payouts.v1.alerts.dlq']").exists()
        .jsonPath("$['shanhai.alerts.v1.alerts-delivery.dlq']").exists();

    evaluation.all().block();
    assertThat(officer.alertsOf(facts.project)).singleElement().satisfies(a -> assertThat(a.get("state"))
        .isEqualTo("FIRING"));
  }

  @Test
  void aWeakVillageFiresUntilItsIncomeRisesAboveTheThreshold() {
    Facts facts = new Facts(publisher);
    String village = "village-" + java.util.UUID.randomUUID();
    facts.villageIncome(village, 1, 2020, "95000.00");
    Map<String, Object> alert = await().atMost(Duration.ofSeconds(30)).until(() -> villageAlert(village),
        a -> a != null && "FIRING".equals(a.get("state")));
    assertThat(alert).containsEntry("county", Facts.CHANGSHAN.code()).containsEntry("subjectType", "VILLAGE");

    facts.villageIncome(village, 2, 2021, "180000.00");
    await().atMost(Duration.ofSeconds(30)).until(() -> "RESOLVED".equals(villageAlert(village).get("state")));
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> villageAlert(String village) {
    List<Map<String, Object>> items = (List<Map<String, Object>>) http.get()
        .uri("/api/v1/alerts?rule=weak-village&county=330822&size=200").exchange().expectBody(Map.class)
        .returnResult().getResponseBody().get("items");
    return items.stream().filter(a -> village.equals(a.get("subjectId"))).findFirst().orElse(null);
  }

  private void putRule(String id, String json) {
    http.put().uri("/api/v1/rules/" + id)
        .header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer("province.admin")).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(json).exchange().expectStatus().isOk();
  }
}
