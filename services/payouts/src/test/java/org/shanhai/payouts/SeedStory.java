package org.shanhai.payouts;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.shanhai.events.Topics;
import org.shanhai.events.projects.PairingRegistered;
import org.shanhai.events.projects.ProjectRegistered;
import org.shanhai.events.value.CountyCode;
import org.shanhai.events.value.Money;
import org.shanhai.events.value.ProjectId;
import org.shanhai.testkit.EventPublisher;
import org.shanhai.testkit.TestIssuer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The projects service's side of the seed story, published as its events, and the officers'
 * requests (villages by their county's officer, shareholdings by the province). Each call uses
 * fresh ids, so tests sharing the service do not collide.
 */
final class SeedStory {

  static final String CHANGSHAN = "330822";
  static final String CIXI = "330282";
  static final String QUJIANG = "330803";
  static final String YINZHOU = "330212";
  /** Who registers a county's villages: its officer, as in the realm. */
  private static final Map<String, String> OFFICERS = Map.of(CHANGSHAN, "officer.changshan", CIXI, "officer.cixi",
      QUJIANG, "officer.qujiang", YINZHOU, "officer.yinzhou");

  private final WebTestClient http;
  private final EventPublisher publisher;

  SeedStory(WebTestClient http, EventPublisher publisher) {
    this.http = http;
    this.publisher = publisher;
  }

  /** An enclave's project id and the id of the pairing it belongs to. */
  record Enclave(String project, String pairing) {
  }

  /** A pairing and an enclave of {@code kind} in it, published on the projects topic; waits until payouts knows it. */
  Enclave enclave(String mountain, String partner, String kind) {
    String pairing = "pairing-" + UUID.randomUUID();
    String project = "project-" + UUID.randomUUID();
    publisher.publish(Topics.PROJECTS, pairing, PairingRegistered.TYPE, pairing, 1,
        new PairingRegistered(pairing, 1, CountyCode.of(mountain), CountyCode.of(partner), 2011, null, "officer",
            Instant.now()));
    publisher.publish(Topics.PROJECTS, project, ProjectRegistered.TYPE, project, 1,
        new ProjectRegistered(ProjectId.of(project), 1, pairing, CountyCode.of(mountain), CountyCode.of(partner),
            "飞地 " + project, kind, CountyCode.of(partner), Money.of("100000000.00"), List.of(), null, null, null,
            "UNDER_CONSTRUCTION", "officer", Instant.now()));
    await().atMost(Duration.ofSeconds(30)).until(() -> http.get()
        .uri("/api/v1/shareholdings?project=" + project).exchange().returnResult(String.class).getStatus()
        .is2xxSuccessful() && knows(project));
    return new Enclave(project, pairing);
  }

  private boolean knows(String project) {
    int status = http.post().uri("/api/v1/shareholdings")
        .header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer("province.admin"))
        .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("projectId", project))
        .exchange().returnResult(String.class).getStatus().value();
    String body = http.post().uri("/api/v1/shareholdings")
        .header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer("province.admin"))
        .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("projectId", project))
        .exchange().expectBody(String.class).returnResult().getResponseBody();
    return status == 422 && body != null && !body.contains("\"code\":\"unknown\"");
  }

  String village(String name, String county) {
    return (String) http.post().uri("/api/v1/villages")
        .header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer(OFFICERS.get(county)))
        .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", name, "county", county))
        .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
  }

  WebTestClient.ResponseSpec shareholding(String json) {
    return http.post().uri("/api/v1/shareholdings")
        .header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer("province.admin"))
        .contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
  }
}
