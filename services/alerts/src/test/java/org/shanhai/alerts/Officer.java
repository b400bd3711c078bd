package org.shanhai.alerts;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.shanhai.testkit.TestIssuer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** What an officer or a subscriber does through the alerts API in tests. */
final class Officer {

  static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSwMfKQ9r8GKYo=";

  private final WebTestClient http;

  Officer(WebTestClient http) {
    this.http = http;
  }

  /** A webhook subscription for one project's alerts, notified at once (no grouping window). */
  String subscribe(String url, String project) {
    return subscribe("""
        {"name":"常山县发改局","matchers":{"project":["%s"]},"sendResolved":true,"groupWindow":"PT0S",
         "channel":{"type":"WEBHOOK","url":"%s","secret":"%s"}}""".formatted(project, url, SECRET));
  }

  @SuppressWarnings("unchecked")
  String subscribe(String json) {
    return (String) http.post().uri("/api/v1/subscriptions")
        .header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer("officer.changshan"))
        .contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange().expectStatus().isCreated()
        .expectBody(Map.class).returnResult().getResponseBody().get("id");
  }

  /** The alerts about {@code project}, as the API lists them. */
  @SuppressWarnings("unchecked")
  List<Map<String, Object>> alertsOf(String project) {
    return (List<Map<String, Object>>) http.get().uri("/api/v1/alerts?project=" + project).exchange()
        .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("items");
  }

  /** Waits until {@code project} has an alert of {@code rule} in {@code state}, and returns it. */
  Map<String, Object> awaitAlert(String project, String rule, String state) {
    return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
        .until(() -> alertsOf(project).stream().filter(a -> rule.equals(a.get("rule")) && state.equals(a.get("state")))
            .findFirst().orElse(null), a -> a != null);
  }

  @SuppressWarnings("unchecked")
  List<Map<String, Object>> deliveries(String subscription) {
    return (List<Map<String, Object>>) http.get().uri("/api/v1/subscriptions/" + subscription + "/deliveries")

        .header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer("officer.changshan")).exchange().expectStatus().isOk()
        .expectBody(Map.class).returnResult().getResponseBody().get("items");
  }
}
