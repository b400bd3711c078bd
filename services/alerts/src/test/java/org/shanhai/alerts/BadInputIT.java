package org.shanhai.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.mongodb.reactivestreams.client.MongoDatabase;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.shanhai.events.Topics;
import org.shanhai.testkit.BadInputCorpus;
import org.shanhai.testkit.EventPublisher;
import org.shanhai.testkit.NoTrace;
import org.shanhai.testkit.Outboxes;
import org.shanhai.testkit.TestIssuer;
import org.shanhai.testkit.TopicReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

/** Every bad input to the alerts API gets problem+json naming the field, and leaves nothing stored or published. */
@AlertsServiceTest
class BadInputIT {

  private static final EventPublisher publisher = new EventPublisher();
  private static final List<String> COLLECTIONS = List.of("subscriptions", "silences", "targets", "rules", "alerts",
      "deliveries");

  @RegisterExtension
  static final TopicReader topic = new TopicReader(Topics.ALERTS);

  @Autowired
  WebTestClient http;
  @Autowired
  MongoDatabase database;

  @AfterAll
  static void close() {
    publisher.close();
  }

  private static String subscription(String channel) {
    return """
        {"name":"常山县发改局","matchers":{"county":["330822"]},"channel":%s}""".formatted(channel);
  }

  /** The corpus of the subscriptions API (BadInputCorpus): each case 4xx problem+json, and no trace. */
  static Stream<BadInputCorpus.Case> corpus() {
    return BadInputCorpus.Endpoint.post("officer.changshan", "/api/v1/subscriptions")
        .text("name", "常山县发改局 语料").literal("matchers", "{\"county\":[\"330822\"]}")
        .duration("groupWindow", "PT5M").literal("channel", "{\"type\":\"SSE\"}")
        .cases().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void everyCaseOfTheCorpusIsRefusedAndLeavesNoTrace(BadInputCorpus.Case bad) {
    new NoTrace(database, topic, List.of("subscriptions", "silences", "targets", "rules"))
        .refusedWithAnyOf(() -> bad.send(http, Map.of()), bad.statuses());
  }

  @Test
  void rejectsWebhooksThatMayNotBeCalledAndMalformedSecrets() {
    rejected(() -> post("/api/v1/subscriptions", subscription("""
        {"type":"WEBHOOK","url":"http://10.0.0.7/hook","secret":"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"}""")),
        422, "channel.url");
    rejected(() -> post("/api/v1/subscriptions", subscription("""
        {"type":"WEBHOOK","url":"http://169.254.169.254/latest/meta-data"}""")), 422, "channel.url");
    rejected(() -> post("/api/v1/subscriptions", subscription("""
        {"type":"WEBHOOK","url":"ftp://127.0.0.1/hook"}""")), 422, "channel.url");
    rejected(() -> post("/api/v1/subscriptions", subscription("""
        {"type":"WEBHOOK","url":"http://alice:secret@127.0.0.1/hook"}""")), 422, "channel.url");
    rejected(() -> post("/api/v1/subscriptions", subscription("""
        {"type":"WEBHOOK","url":"http://127.0.0.1/hook","secret":"hunter2"}""")), 422, "channel.secret");
    rejected(() -> post("/api/v1/subscriptions", subscription("""
        {"type":"PIGEON"}""")), 400, "channel.type");
    rejected(() -> post("/api/v1/subscriptions", subscription("""
        {"type":"SSE","url":"http://127.0.0.1/hook"}""")), 422, "channel");
  }

  @Test
  void rejectsMatchersThatCannotMatchAndWindowsOutOfRange() {
    rejected(() -> post("/api/v1/subscriptions", """
        {"name":"x","matchers":{"county":["Changshan"],"rule":["everything"]},
         "groupWindow":"PT2H","channel":{"type":"SSE"}}"""), 422, "matchers.county", "matchers.rule", "groupWindow");
    rejected(() -> post("/api/v1/subscriptions", """
        {"name":"x","matchers":{"minSeverity":"LOUD"},"channel":{"type":"SSE"}}"""), 400, "matchers.minSeverity");
    rejected(() -> post("/api/v1/silences", """
        {"matchers":{},"endsAt":"2099-01-01T00:00:00Z","comment":"all quiet"}"""), 422, "matchers");
    rejected(() -> post("/api/v1/silences", """
        {"matchers":{"county":["330822"]},"endsAt":"2020-01-01T00:00:00Z"}"""), 422, "endsAt", "comment");
  }

  @Test
  void rejectsBadRuleSettingsAndTargets() {
    rejected(() -> put("/api/v1/rules/project-stalled", """
        {"params":{"days":"0","colour":"red"},"escalateAfter":"PT1S"}"""), 422, "params.days", "params.colour",
        "escalateAfter");
    rejected(() -> put("/api/v1/rules/no-such-rule", "{\"enabled\":false}"), 404);
    rejected(() -> put("/api/v1/targets/county/330822/2026", "{\"investment\":\"-5.00\"}"), 422, "investment");
    rejected(() -> put("/api/v1/targets/county/Changshan/2026", "{\"investment\":\"5.00\"}"), 400, "key");
    rejected(() -> put("/api/v1/targets/planet/330822/2026", "{\"investment\":\"5.00\"}"), 400, "scope");
    rejected(() -> put("/api/v1/targets/province/330000/2026", "{\"investment\":1e30}"), 422, "investment");
  }

  @Test
  void rejectsMalformedBodiesUnknownFieldsAndAMissingUser() {
    rejected(() -> post("/api/v1/subscriptions", "{\"name\":"), 400, "body");
    rejected(() -> post("/api/v1/subscriptions", "{\"name\":\"x\",\"channel\":{\"type\":\"SSE\"},\"colour\":1}"), 400,
        "colour");
    rejected(() -> post("/api/v1/subscriptions", "{\"name\":{\"$gt\":\"\"},\"channel\":{\"type\":\"SSE\"}}"), 400,
        "name");
    rejected(() -> http.post().uri("/api/v1/silences").contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"matchers\":{\"county\":[\"330822\"]},\"endsAt\":\"2099-01-01T00:00:00Z\",\"comment\":\"x\"}")
        .exchange(), 401);
    rejected(() -> post("/api/v1/subscriptions", "{\"name\":\"" + "很".repeat(40_000) + "\"}"), 413);
  }

  @Test
  void rejectsOperatorInjectionAndUnknownValuesInFilters() {
    http.get().uri("/api/v1/alerts?county={c}", "{\"$ne\":null}").exchange().expectStatus().isBadRequest()
        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody().jsonPath("$.errors[0].field").isEqualTo("county");
    http.get().uri("/api/v1/alerts?project={p}", "{\"$gt\":\"\"}").exchange().expectStatus().isBadRequest();
    http.get().uri("/api/v1/alerts?state=ANGRY").exchange().expectStatus().isBadRequest()
        .expectBody().jsonPath("$.errors[0].field").isEqualTo("state")
        .jsonPath("$.errors[0].message").value(message -> assertThat((String) message).contains("FIRING", "RESOLVED"));
    http.get().uri("/api/v1/alerts?severity=LOUD").exchange().expectStatus().isBadRequest()
        .expectBody().jsonPath("$.errors[0].field").isEqualTo("severity");
    http.get().uri("/api/v1/alerts?rule=all").exchange().expectStatus().isBadRequest()
        .expectBody().jsonPath("$.errors[0].message").value(message -> assertThat((String) message)
            .contains("project-stalled"));
    http.get().uri("/api/v1/silences?state=SOMETIMES").exchange().expectStatus().isBadRequest();
    http.get().uri("/api/v1/subscriptions/nope/deliveries?status=LOST").exchange().expectStatus().isBadRequest();
  }

  @Test
  void rejectsQueryParametersAListDoesNotKnow() {
    for (String path : List.of("/api/v1/alerts?mountainCounty=330822", "/api/v1/silences?matchers=x",
        "/api/v1/subscriptions?owner=me", "/api/v1/targets?scope=county", "/api/v1/rules?enabled=true")) {
      http.get().uri(path).exchange().expectStatus().isBadRequest()
          .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .expectBody().jsonPath("$.errors[0].code").isEqualTo("unknown-parameter");
    }
  }

  @Test
  void rejectsChangesToAlertsThatDoNotExistAndRecoveryFromTheFuture() {
    rejected(() -> post("/api/v1/alerts/no-such-alert/acknowledge", "{}"), 404);
    rejected(() -> post("/api/v1/alerts/no-such-alert/resolve", "{\"note\":\"x\"}"), 404);
    String id = new Officer(http).subscribe(subscription("{\"type\":\"SSE\"}"));
    String tomorrow = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(2) + "T00:00:00Z";
    rejected(() -> post("/api/v1/subscriptions/" + id + "/recover?since=" + tomorrow, ""), 422, "since");
    rejected(() -> post("/api/v1/subscriptions/" + id + "/recover?since=yesterday", ""), 400, "since");
    rejected(() -> post("/api/v1/subscriptions/" + id + "/secrets", "{}"), 409);
  }

  @Test
  void anIdempotencyKeyReplaysTheSameSubscriptionAndRefusesADifferentOne() {
    String body = subscription("{\"type\":\"SSE\"}");
    Map<?, ?> first = http.post().uri("/api/v1/subscriptions")
        .header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer("officer.changshan"))
        .header("Idempotency-Key", "subscribe-changshan").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
        .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
    http.post().uri("/api/v1/subscriptions").header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer("officer.changshan"))
        .header("Idempotency-Key", "subscribe-changshan").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
        .exchange().expectStatus().isCreated().expectHeader().valueEquals("Idempotent-Replayed", "true")
        .expectBody().jsonPath("$.id").isEqualTo(first.get("id"));
    rejected(() -> http.post().uri("/api/v1/subscriptions")
        .header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer("officer.changshan"))
        .header("Idempotency-Key", "subscribe-changshan").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body.replace("常山县发改局", "常山县农业农村局")).exchange(), 422, "Idempotency-Key");
  }

  private WebTestClient.ResponseSpec post(String path, String json) {
    return http.post().uri(path).header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer(writer(path)))
        .contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
  }

  private WebTestClient.ResponseSpec put(String path, String json) {
    return http.put().uri(path).header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer(writer(path)))
        .contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
  }

  /** Subscriptions are an officer's own; silences, rules and targets the province's. */
  private static String writer(String path) {
    return path.startsWith("/api/v1/subscriptions") ? "officer.changshan" : "province.admin";
  }

  /** Answered with {@code status} as problem+json naming {@code fields}; nothing stored, nothing published. */
  private void rejected(Supplier<WebTestClient.ResponseSpec> request, int status, String... fields) {
    int before = Outboxes.awaitQuiet(database, topic, "alerts");
    List<Long> counts = COLLECTIONS.stream().map(this::count).toList();

    WebTestClient.BodyContentSpec body = request.get().expectStatus().isEqualTo(status)
        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON).expectBody()
        .jsonPath("$.status").isEqualTo(status).jsonPath("$.detail").isNotEmpty();
    if (fields.length > 0) {
      body.jsonPath("$.errors[*].field").value(found ->
          assertThat(((List<?>) found).stream().map(String::valueOf).toList()).contains(fields));
    }

    assertThat(Outboxes.awaitQuiet(database, topic, "alerts")).as("nothing published").isEqualTo(before);
    assertThat(COLLECTIONS.stream().map(this::count).toList()).as("nothing stored in " + COLLECTIONS)
        .isEqualTo(counts);
  }

  private long count(String collection) {
    return Flux.from(database.getCollection(collection).countDocuments(new Document())).blockFirst();
  }
}
