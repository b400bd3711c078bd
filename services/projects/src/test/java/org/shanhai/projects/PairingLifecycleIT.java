package org.shanhai.projects;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.shanhai.events.Topics;
import org.shanhai.events.projects.PairingEnded;
import org.shanhai.events.projects.PairingRegistered;
import org.shanhai.testkit.EventSchemas;
import org.shanhai.testkit.TestIssuer;
import org.shanhai.testkit.TopicReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A pairing ends, which frees its two counties for a new pairing; projects cannot join an ended one. */
@ProjectsServiceTest
class PairingLifecycleIT {

  private static final String KAIHUA = "330824";
  private static final String XIHU = "330106";

  @RegisterExtension
  static final TopicReader topic = new TopicReader(Topics.PROJECTS);

  @Autowired
  WebTestClient http;

  @Test
  @SuppressWarnings("unchecked")
  void anEndedPairingIsPublishedAndLetsTheSameCountiesPairAgain() {
    String old = (String) post("/api/v1/pairings", Map.of("mountainCounty", KAIHUA, "partnerCounty", XIHU,
        "since", 2015)).expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");

    post("/api/v1/pairings/" + old + "/end", Map.of("until", 2020)).expectStatus().isOk()
        .expectBody().jsonPath("$.until").isEqualTo(2020).jsonPath("$.active").isEqualTo(false)
        .jsonPath("$.endedBy").isEqualTo("province.admin");
    post("/api/v1/pairings/" + old + "/end", Map.of("until", 2020)).expectStatus().isOk();
    post("/api/v1/pairings/" + old + "/end", Map.of("until", 2019)).expectStatus().isEqualTo(409);

    List<TopicReader.Received> events = topic.awaitKey(old, 2, Duration.ofSeconds(20));
    assertThat(events).extracting(TopicReader.Received::type).containsExactly(PairingRegistered.TYPE, PairingEnded.TYPE);
    assertThat(events).extracting(TopicReader.Received::sequence).containsExactly(1L, 2L);
    assertThat(EventSchemas.violations(PairingEnded.TYPE, events.get(1).body())).isEmpty();
    assertThat(topic.drainFor(Duration.ofMillis(500)).stream().filter(r -> old.equals(r.key()))).hasSize(2);

    post("/api/v1/projects", Map.of("pairingId", old, "name", "too late", "kind", "INDUSTRIAL_PROJECT",
        "hostCounty", KAIHUA, "plannedInvestment", "1000000.00"))
        .expectStatus().isEqualTo(422).expectBody().jsonPath("$.errors[0].code").isEqualTo("inactive");
    post("/api/v1/pairings", Map.of("mountainCounty", KAIHUA, "partnerCounty", XIHU, "since", 2021))
        .expectStatus().isCreated();
  }

  private WebTestClient.ResponseSpec post(String path, Map<String, Object> body) {
    return http.post().uri(path)
        .header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer("province.admin")).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body).exchange();
  }
}
