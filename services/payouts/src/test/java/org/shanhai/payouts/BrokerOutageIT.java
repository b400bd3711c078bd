package org.shanhai.payouts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.shanhai.events.Topics;
import org.shanhai.events.payouts.PayoutDisbursed;
import org.shanhai.testkit.EventPublisher;
import org.shanhai.testkit.RealInfrastructure;
import org.shanhai.testkit.TestIssuer;
import org.shanhai.testkit.TopicReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** With the broker away, shareholdings and payments are still taken; once it returns every event arrives, in order. */
@PayoutsServiceTest
class BrokerOutageIT {

  private static final EventPublisher publisher = new EventPublisher();

  @RegisterExtension
  static final TopicReader topic = new TopicReader(Topics.PAYOUTS);

  @Autowired
  WebTestClient http;

  @AfterAll
  static void close() {
    publisher.close();
  }

  @Test
  void losesNothingWhileTheBrokerIsDown() {
    SeedStory story = new SeedStory(http, publisher);
    String enclave = story.enclave(SeedStory.CHANGSHAN, SeedStory.CIXI, "INDUSTRIAL_ENCLAVE").project();
    String village = story.village("鲁士村", SeedStory.CHANGSHAN);

    RealInfrastructure.kafka().stop();
    try {
      Map<?, ?> holding = story.shareholding("""
          {"projectId":"%s","holder":{"villageId":"%s"},"capital":"1000000.00","returnType":"GUARANTEED_MINIMUM",
           "guaranteedRate":"0.10","payoutMonthDay":"12-31","firstPayoutYear":2020,"lastPayoutYear":2024}"""
          .formatted(enclave, village)).expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
      String payout = ((List<?>) holding.get("payoutIds")).get(0).toString();
      for (int i = 1; i <= 4; i++) {
        http.post().uri("/api/v1/payouts/{id}/disbursements", payout)
            .header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer("officer.cixi"))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"amount\":\"25000.00\",\"paidOn\":\"2021-01-0" + i + "\"}")
            .exchange().expectStatus().isCreated();
      }
    } finally {
      RealInfrastructure.kafka().start();
    }

    List<TopicReader.Received> events = topic.awaitUntil(all -> all.stream()
        .filter(r -> enclave.equals(r.key())).map(TopicReader.Received::ceId).distinct().count() == 10,
        Duration.ofSeconds(90)).stream().filter(r -> enclave.equals(r.key())).toList();
    assertThat(new LinkedHashSet<>(events.stream().map(TopicReader.Received::sequence).toList()))
        .as("first arrival of each event, in order").containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
    assertThat(events.stream().filter(r -> PayoutDisbursed.TYPE.equals(r.type())).map(TopicReader.Received::ceId)
        .distinct()).hasSize(4);
  }
}
