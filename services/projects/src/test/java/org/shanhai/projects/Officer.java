package org.shanhai.projects;

import java.util.Map;
import java.util.UUID;

import org.shanhai.testkit.TestIssuer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A programme officer at the API, as the tests need one: registers the seed story's pairing and
 * projects and posts updates. Pairings are registered with a fixed Idempotency-Key, so every test
 * class gets the same pairing back however often it asks.
 */
public final class Officer {

  public static final String CHANGSHAN = "330822";
  public static final String CIXI = "330282";

  private final WebTestClient http;
  private final String user;

  public Officer(WebTestClient http, String user) {
    this.http = http;
    this.user = user;
  }

  /** The running pairing of two counties, registered once. */
  @SuppressWarnings("unchecked")
  public String pairing(String mountain, String partner) {
    Map<String, Object> body = http.post().uri("/api/v1/pairings")

        .header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer("province.admin"))
        .header("Idempotency-Key", "pairing-" + mountain + "-" + partner)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("mountainCounty", mountain, "partnerCounty", partner, "since", 2011))
        .exchange().expectStatus().isCreated()
        .expectBody(Map.class).returnResult().getResponseBody();
    return (String) body.get("id");
  }

  /** 常山—慈溪's industrial enclave, a new one per call: 93 million yuan planned, half by end of 2021. */
  public String anIndustrialEnclave() {
    return registerProject(pairing(CHANGSHAN, CIXI), """
        {"pairingId":"%s","name":"常山—慈溪产业飞地 %s","kind":"INDUSTRIAL_ENCLAVE","hostCounty":"330282",
         "plannedInvestment":"93000000.00",
         "investmentPlan":[{"date":"2021-12-31","cumulative":"50000000.00"},{"date":"2022-12-31","cumulative":"93000000.00"}],
         "plannedStart":"2020-06-01","plannedCompletion":"2022-12-31","enclaveId":null}""");
  }

  @SuppressWarnings("unchecked")
  public String registerProject(String pairingId, String template) {
    String json = template.formatted(pairingId, UUID.randomUUID().toString().substring(0, 8));
    Map<String, Object> body = http.post().uri("/api/v1/projects")
        .header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer(user))
        .contentType(MediaType.APPLICATION_JSON).bodyValue(json)
        .exchange().expectStatus().isCreated()
        .expectBody(Map.class).returnResult().getResponseBody();
    return (String) body.get("id");
  }

  /** Posts an update and returns the exchange for the test to assert on. */
  public WebTestClient.ResponseSpec update(String projectId, String json, String idempotencyKey) {
    WebTestClient.RequestBodySpec request = http.post().uri("/api/v1/projects/{id}/updates", projectId)
        .header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer(user)).contentType(MediaType.APPLICATION_JSON);
    if (idempotencyKey != null) {
      request = request.header("Idempotency-Key", idempotencyKey);
    }
    return request.bodyValue(json).exchange();
  }
}
