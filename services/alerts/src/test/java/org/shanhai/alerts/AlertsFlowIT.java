package org.shanhai.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.mongodb.reactivestreams.client.MongoDatabase;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.shanhai.alerts.alert.Evaluation;
import org.shanhai.events.Topics;
import org.shanhai.events.Warning;
import org.shanhai.events.alerts.AlertFired;
import org.shanhai.events.alerts.AlertResolved;
import org.shanhai.testkit.EventPublisher;
import org.shanhai.testkit.EventSchemas;
import org.shanhai.testkit.TestIssuer;
import org.shanhai.testkit.TopicReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The seed story end to end, through the real broker and wire server and a real HTTP receiver:
 * facts arrive as the projects and payouts services publish them, alerts fire and resolve, and the
 * subscriber's webhook gets each notification once, signed.
 */
@AlertsServiceTest
class AlertsFlowIT {

  private static final EventPublisher publisher = new EventPublisher();
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final ZoneId ZHEJIANG = ZoneId.of("Asia/Shanghai");

  @RegisterExtension
  static final TopicReader alertsTopic = new TopicReader(Topics.ALERTS);

  @Autowired
  WebTestClient http;
  @Autowired
  TestClock clock;
  @Autowired
  Evaluation evaluation;
  @Autowired
  MongoDatabase database;

  private final WebhookReceiver receiver = new WebhookReceiver();

  @AfterEach
  void tearDown() {
    receiver.close();
    clock.reset();
  }

  @AfterAll
  static void close() {
    publisher.close();
  }

  @Test
  void aProjectWithoutAnUpdateFor90DaysFiresOneAlertThatAnUpdateResolves() throws Exception {
    Facts facts = new Facts(publisher);
    Officer officer = new Officer(http);
    String subscription = officer.subscribe(receiver.url(), facts.project);
    facts.registerProject(clock.instant());
    awaitProjection(facts.project);

    clock.advance(Duration.ofDays(89));
    evaluation.all().block();
    assertThat(officer.alertsOf(facts.project)).isEmpty();

    clock.advance(Duration.ofDays(2));
    // Two rounds at once, as two instances' clocks would run them: one alert, one notification.
    Mono.zip(evaluation.all().subscribeOn(Schedulers.parallel()), evaluation.all().subscribeOn(Schedulers.parallel()))
        .block();
    Map<String, Object> alert = officer.awaitAlert(facts.project, "project-stalled", "FIRING");
    assertThat(alert).containsEntry("severity", "WARNING").containsEntry("county", Facts.CHANGSHAN.code())
        .containsEntry("partner", Facts.CIXI.code());
    assertThat((Map<String, Object>) alert.get("evidence")).containsEntry("daysWithoutUpdate", "91");

    WebhookReceiver.Received fired = await().atMost(Duration.ofSeconds(10)).until(receiver::received,
        r -> r.size() == 1).get(0);
    assertSignedWithTheSecret(fired);
    JsonNode notification = JSON.readTree(fired.body());
    assertThat(notification.path("type").asText()).isEqualTo("shanhai.alerts.notification");
    assertThat(notification.path("data").path("subscriptionId").asText()).isEqualTo(subscription);
    JsonNode first = notification.path("data").path("notifications").get(0);
    assertThat(first.path("eventType").asText()).isEqualTo(AlertFired.TYPE);
    assertThat(first.path("event").path("alert").path("rule").asText()).isEqualTo("project-stalled");

    // The same facts again, and another round: nothing fires twice, nothing is sent twice.
    facts.publish(facts.registered(clock.instant().minus(Duration.ofDays(91)), List.of()));
    evaluation.all().block();
    Thread.sleep(1000);
    assertThat(officer.alertsOf(facts.project)).hasSize(1);
    assertThat(receiver.received()).hasSize(1);

    // An update on the simulated today resolves it, and the subscriber hears so.
    facts.reportProgress(2, LocalDate.ofInstant(clock.instant(), ZHEJIANG), "1000000.00", List.of());
    officer.awaitAlert(facts.project, "project-stalled", "RESOLVED");
    WebhookReceiver.Received resolved = await().atMost(Duration.ofSeconds(10)).until(receiver::received,
        r -> r.size() == 2).get(1);
    assertSignedWithTheSecret(resolved);
    assertThat(JSON.readTree(resolved.body()).path("data").path("notifications").get(0).path("eventType").asText())
        .isEqualTo(AlertResolved.TYPE);
    assertThat(resolved.webhookId()).isNotEqualTo(fired.webhookId());

    List<TopicReader.Received> events = alertsTopic.awaitKey(facts.project, 2, Duration.ofSeconds(10));
    assertThat(events).extracting(TopicReader.Received::type).containsExactly(AlertFired.TYPE, AlertResolved.TYPE);
    events.forEach(e -> assertThat(EventSchemas.violations(e.type(), e.body())).isEmpty());
  }

  @Test
  void aDeliveryAnswered500IsRetriedAndDeliveredOnce() {
    Facts facts = new Facts(publisher);
    Officer officer = new Officer(http);
    String subscription = officer.subscribe(receiver.url(), facts.project);
    receiver.answerNext(500);
    facts.registerAndSuspend(clock.instant());

    officer.awaitAlert(facts.project, "project-suspended", "FIRING");
    List<WebhookReceiver.Received> received = await().atMost(Duration.ofSeconds(10)).until(receiver::received,
        r -> r.size() == 2);
    assertThat(received).extracting(WebhookReceiver.Received::answeredWith).containsExactly(500, 200);
    assertThat(received.get(0).webhookId()).isEqualTo(received.get(1).webhookId());
    assertThat(received.get(0).body()).isEqualTo(received.get(1).body());

    Map<String, Object> delivery = await().atMost(Duration.ofSeconds(10)).until(() -> officer.deliveries(subscription),
        d -> d.size() == 1 && "DELIVERED".equals(d.get(0).get("status"))).get(0);
    assertThat((List<?>) delivery.get("attempts")).hasSize(2);
    assertThat(delivery.get("id")).isEqualTo(received.get(0).webhookId());
    // Each item carries its alert event as JSON, as the webhook's body does.
    Map<?, ?> event = (Map<?, ?>) ((List<Map<?, ?>>) delivery.get("items")).get(0).get("event");
    assertThat(((Map<?, ?>) event.get("alert")).get("rule")).isEqualTo("project-suspended");
  }

  @Test
  void aTestNotificationIsDeliveredSignedAndADisabledSubscriptionCannotBeTestedUntilEnabled() throws Exception {
    Facts facts = new Facts(publisher);
    Officer officer = new Officer(http);
    String subscription = officer.subscribe(receiver.url(), facts.project);

    String queued = (String) post("/api/v1/subscriptions/{id}/test", subscription, "officer.changshan")
        .expectStatus().isAccepted().expectBody(Map.class).returnResult().getResponseBody().get("id");

    WebhookReceiver.Received received = await().atMost(Duration.ofSeconds(10)).until(receiver::received,
        r -> r.size() == 1).get(0);
    assertThat(received.webhookId()).isEqualTo(queued);
    assertSignedWithTheSecret(received);
    Map<?, ?> notification = (Map<?, ?>) ((List<?>) ((Map<?, ?>) JSON.readValue(received.body(), Map.class)
        .get("data")).get("notifications")).get(0);
    assertThat(notification.get("eventType")).isEqualTo("org.shanhai.alerts.test.v1");
    assertThat(((Map<?, ?>) notification.get("event")).get("requestedBy")).isEqualTo("officer.changshan");
    await().atMost(Duration.ofSeconds(10)).until(() -> officer.deliveries(subscription),
        d -> d.size() == 1 && "DELIVERED".equals(d.get(0).get("status")));

    post("/api/v1/subscriptions/{id}/test", subscription, "officer.qujiang").expectStatus().isForbidden();
    post("/api/v1/subscriptions/{id}/disable", subscription, "officer.changshan").expectStatus().isOk()
        .expectBody().jsonPath("$.status").isEqualTo("DISABLED").jsonPath("$.statusReasonCode").isEqualTo("officer")
        .jsonPath("$.statusReason").isEqualTo("disabled by officer.changshan");
    post("/api/v1/subscriptions/{id}/test", subscription, "officer.changshan").expectStatus().isEqualTo(422)
        .expectBody().jsonPath("$.errors[0].code").isEqualTo("not-active");
    post("/api/v1/subscriptions/{id}/enable", subscription, "officer.changshan").expectStatus().isOk()
        .expectBody().jsonPath("$.status").isEqualTo("ACTIVE").jsonPath("$.statusReasonCode").isEmpty();
    assertThat(receiver.received()).hasSize(1);
  }

  private WebTestClient.ResponseSpec post(String path, String subscription, String user) {
    return http.post().uri(path, subscription).header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer(user)).exchange();
  }

  @Test
  void aSilencedAlertFiresButIsNotDelivered() throws Exception {
    Facts facts = new Facts(publisher);
    Officer officer = new Officer(http);
    http.post().uri("/api/v1/silences")
        .header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer("province.admin")).contentType(MediaType.APPLICATION_JSON)
        .bodyValue("""
            {"matchers":{"project":["%s"]},"endsAt":"%s","comment":"停工整改，已知"}"""
            .formatted(facts.project, clock.instant().plus(Duration.ofHours(1))))
        .exchange().expectStatus().isCreated();
    String subscription = officer.subscribe(receiver.url(), facts.project);
    facts.registerAndSuspend(clock.instant());

    officer.awaitAlert(facts.project, "project-suspended", "FIRING");
    Map<String, Object> delivery = await().atMost(Duration.ofSeconds(10)).until(() -> officer.deliveries(subscription),
        d -> d.size() == 1).get(0);
    assertThat(delivery.get("status")).isEqualTo("SUPPRESSED");
    assertThat(delivery).containsEntry("reasonCode", "silenced");
    assertThat((String) delivery.get("reason")).startsWith("silenced by ");
    Thread.sleep(500);
    assertThat(receiver.received()).isEmpty();
  }

  @Test
  void alertsOfASuspendedProjectAreInhibited() throws Exception {
    Facts facts = new Facts(publisher);
    Officer officer = new Officer(http);
    String subscription = officer.subscribe(receiver.url(), facts.project);
    facts.registerAndSuspend(clock.instant());
    officer.awaitAlert(facts.project, "project-suspended", "FIRING");
    await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received().size() == 1);

    facts.reportProgress(3, LocalDate.now(ZHEJIANG), "SUSPENDED", "2000000.00",
        List.of(new Warning("large-increment", "cumulativeInvestment", "adds more than half the plan")));
    officer.awaitAlert(facts.project, "update-warnings", "FIRING");
    await().atMost(Duration.ofSeconds(10)).until(() -> officer.deliveries(subscription).size() == 2);
    assertThat(officer.deliveries(subscription)).anySatisfy(d -> {
      assertThat(d.get("status")).isEqualTo("SUPPRESSED");
      assertThat(d).containsEntry("reasonCode", "inhibited");
      assertThat((String) d.get("reason")).startsWith("inhibited");
    });
    Thread.sleep(500);
    assertThat(receiver.received()).hasSize(1);
  }

  @Test
  void eachSuspensionOfAProjectFiresItsOwnAlertWhichItsResumptionResolves() {
    Facts facts = new Facts(publisher);
    Officer officer = new Officer(http);
    LocalDate today = LocalDate.now(ZHEJIANG);
    facts.registerAndSuspend(clock.instant());
    String first = (String) officer.awaitAlert(facts.project, "project-suspended", "FIRING").get("id");
    facts.changeStatus(3, "SUSPENDED", "UNDER_CONSTRUCTION", today);
    officer.awaitAlert(facts.project, "project-suspended", "RESOLVED");

    // The second suspension is a new occurrence; its resumption must find it, the newest, and not the first.
    facts.changeStatus(4, "UNDER_CONSTRUCTION", "SUSPENDED", today);
    String second = (String) officer.awaitAlert(facts.project, "project-suspended", "FIRING").get("id");
    assertThat(second).isNotEqualTo(first);
    facts.changeStatus(5, "SUSPENDED", "UNDER_CONSTRUCTION", today);
    await().atMost(Duration.ofSeconds(30)).until(() -> officer.alertsOf(facts.project).stream()
        .filter(a -> "project-suspended".equals(a.get("rule"))).toList(), alerts -> alerts.size() == 2
        && alerts.stream().allMatch(a -> "RESOLVED".equals(a.get("state"))));
  }

  @Test
  void anOverduePayoutFiresAPayoutAlert() throws Exception {
    Facts facts = new Facts(publisher);
    Officer officer = new Officer(http);
    officer.subscribe(receiver.url(), facts.project);

    facts.payoutOverdue(12, 2021, "0.00");

    Map<String, Object> alert = officer.awaitAlert(facts.project, "payout-overdue", "FIRING");
    assertThat(alert).containsEntry("severity", "CRITICAL").containsEntry("subjectType", "PAYOUT");
    assertThat((Map<String, Object>) alert.get("evidence")).containsEntry("shortfall", "9300000.00");
    WebhookReceiver.Received received = await().atMost(Duration.ofSeconds(10)).until(receiver::received,
        r -> r.size() == 1).get(0);
    assertSignedWithTheSecret(received);
    assertThat(received.body()).contains("payout-overdue");
  }

  private void awaitProjection(String project) {
    await().atMost(Duration.ofSeconds(30)).until(() -> Mono.from(database.getCollection("project_views")
        .find(new Document("_id", project)).first()).block() != null);
  }

  /** Checks the Standard Webhooks signature independently of the service's signer. */
  private static void assertSignedWithTheSecret(WebhookReceiver.Received r) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(Base64.getDecoder().decode(Officer.SECRET.substring("whsec_".length())), "HmacSHA256"));
    String expected = "v1," + Base64.getEncoder().encodeToString(mac.doFinal(
        (r.webhookId() + "." + r.timestamp() + "." + r.body()).getBytes(StandardCharsets.UTF_8)));
    assertThat(r.signature().split(" ")).contains(expected);
    assertThat(Long.parseLong(r.timestamp())).isCloseTo(Instant.now().getEpochSecond(),
        org.assertj.core.data.Offset.offset(3600L * 24 * 100));
  }
}
