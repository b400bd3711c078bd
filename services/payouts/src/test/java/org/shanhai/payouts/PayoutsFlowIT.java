package org.shanhai.payouts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.shanhai.events.Topics;
import org.shanhai.events.payouts.PayoutOverdue;
import org.shanhai.events.payouts.PayoutScheduled;
import org.shanhai.events.payouts.ShareholdingRegistered;
import org.shanhai.payouts.metrics.PayoutMetrics;
import org.shanhai.payouts.shareholding.ShareholdingService;
import org.shanhai.testkit.EventPublisher;
import org.shanhai.testkit.EventSchemas;
import org.shanhai.testkit.Prometheus;
import org.shanhai.testkit.TestIssuer;
import org.shanhai.testkit.TopicReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The seed story of 常山—慈溪 and 衢江—鄞州, from project events to the summary, over the real broker. */
@PayoutsServiceTest
class PayoutsFlowIT {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final EventPublisher publisher = new EventPublisher();

  @RegisterExtension
  static final TopicReader payouts = new TopicReader(Topics.PAYOUTS);

  @Autowired
  WebTestClient http;
  @Autowired
  ShareholdingService shareholdings;
  @Autowired
  PayoutMetrics metrics;
  SeedStory story;

  @AfterAll
  static void close() {
    publisher.close();
  }

  @BeforeEach
  void story() {
    story = new SeedStory(http, publisher);
  }

  @Test
  @SuppressWarnings("unchecked")
  void changshansNinetyFourVillagesAreOwedNinePointThreeMillionAYear() {
    SeedStory.Enclave cixi = story.enclave(SeedStory.CHANGSHAN, SeedStory.CIXI, "INDUSTRIAL_ENCLAVE");
    String enclave = cixi.project();
    String jubao = story.village("聚宝村", SeedStory.CHANGSHAN);
    String furonghu = story.village("芙蓉湖村", SeedStory.CHANGSHAN);

    Map<String, Object> registered = story.shareholding("""
        {"projectId":"%s","holder":{"name":"常山94村","villageCount":94,"villageIds":["%s","%s"]},
         "capital":"93000000.00","returnType":"GUARANTEED_MINIMUM","guaranteedRate":"0.10",
         "payoutMonthDay":"12-31","firstPayoutYear":2020}""".formatted(enclave, jubao, furonghu))
        .expectStatus().isCreated()
        .expectBody(Map.class).returnResult().getResponseBody();
    assertThat(registered.get("annualAmount")).isEqualTo("9300000.00");
    assertThat((List<String>) registered.get("payoutIds")).hasSize(10);

    List<TopicReader.Received> events = payouts.awaitKey(enclave, 11, WAIT);
    assertThat(events.get(0).type()).isEqualTo(ShareholdingRegistered.TYPE);
    assertThat(events.subList(1, 11)).extracting(TopicReader.Received::type).containsOnly(PayoutScheduled.TYPE);
    assertThat(events).allSatisfy(e -> assertThat(EventSchemas.violations(e.type(), e.body())).isEmpty());

    http.get().uri("/api/v1/payouts/summary?pairing={p}&year=2021", cixi.pairing()).exchange().expectStatus().isOk()
        .expectBody()
        .jsonPath("$.capital").isEqualTo("93000000.00")
        .jsonPath("$.guaranteed").isEqualTo("9300000.00")
        .jsonPath("$.villagesBenefiting").isEqualTo(94);

    metrics.refresh();
    String scraped = Prometheus.scrape(http);
    assertThat(scraped).containsPattern(
        "shanhai_payouts_guaranteed_yuan\\{application=\"payouts\",county=\"330822\",partner=\"330282\",year=\"2021\"} \\d");
  }

  @Test
  void qujiangsHundredAndTwentyVillagesReceivedTheirFixedSixMillionFor2020() {
    SeedStory.Enclave yinzhou = story.enclave(SeedStory.QUJIANG, SeedStory.YINZHOU, "WEAK_VILLAGE_ENCLAVE");
    String enclave = yinzhou.project();
    String yinkeng = story.village("银坑村", SeedStory.QUJIANG);
    Map<?, ?> registered = story.shareholding("""
        {"projectId":"%s","holder":{"name":"衢江120村","villageCount":120,"villageIds":["%s"]},
         "capital":"60000000.00","returnType":"FIXED","fixedAnnualAmount":"6000000.00",
         "payoutMonthDay":"12-31","firstPayoutYear":2020,"lastPayoutYear":2020}""".formatted(enclave, yinkeng))
        .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
    String payout = ((List<?>) registered.get("payoutIds")).get(0).toString();

    http.post().uri("/api/v1/payouts/{id}/disbursements", payout)
        .header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer("officer.yinzhou"))
        .header("Idempotency-Key", "yinzhou-2020").contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"amount\":\"6000000.00\",\"paidOn\":\"2020-12-31\",\"reference\":\"鄞州拨付\"}")
        .exchange().expectStatus().isCreated()
        .expectBody().jsonPath("$.status").isEqualTo("PAID").jsonPath("$.outstanding").isEqualTo("0.00");

    http.get().uri("/api/v1/payouts/summary?pairing={p}&year=2020", yinzhou.pairing()).exchange().expectStatus().isOk()
        .expectBody()
        .jsonPath("$.paid").isEqualTo("6000000.00")
        .jsonPath("$.outstanding").isEqualTo("0.00")
        .jsonPath("$.villagesBenefiting").isEqualTo(120);

    // Paid in full on its due date: it counts towards the on-time payout rate of 衢江—鄞州 for 2020.
    metrics.refresh();
    String scraped = Prometheus.scrape(http);
    String tags = "\\{application=\"payouts\",county=\"%s\",partner=\"%s\",year=\"2020\"} ".formatted(
        SeedStory.QUJIANG, SeedStory.YINZHOU);
    double known = sample(scraped, "shanhai_payouts_timeliness_known" + tags);
    assertThat(known).isPositive();
    assertThat(sample(scraped, "shanhai_payouts_paid_on_time" + tags)).isEqualTo(known);
  }

  private static double sample(String scraped, String regex) {
    Matcher m = Pattern.compile("(?m)^" + regex + "(\\S+)$").matcher(scraped);
    assertThat(m.find()).as("%s in%n%s", regex, scraped).isTrue();
    return Double.parseDouble(m.group(1));
  }

  @Test
  void twoInstancesRunningTheClockAtOnceEmitOneOverdueEventPerPayout() {
    String enclave = story.enclave(SeedStory.CHANGSHAN, SeedStory.CIXI, "INDUSTRIAL_ENCLAVE").project();
    String village = story.village("泉目村", SeedStory.CHANGSHAN);
    story.shareholding("""
        {"projectId":"%s","holder":{"villageId":"%s"},"capital":"1000000.00","returnType":"GUARANTEED_MINIMUM",
         "guaranteedRate":"0.12","payoutMonthDay":"06-30","firstPayoutYear":2021,"lastPayoutYear":2023}"""
        .formatted(enclave, village)).expectStatus().isCreated();

    CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> shareholdings.advanceAll().block());
    CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> shareholdings.advanceAll().block());
    CompletableFuture.allOf(first, second).join();
    shareholdings.advanceAll().block();

    List<TopicReader.Received> overdue = payouts.awaitUntil(all -> overdue(all, enclave).size() == 3, WAIT);
    assertThat(payouts.drainFor(Duration.ofSeconds(1)).stream()
        .filter(r -> enclave.equals(r.key()) && PayoutOverdue.TYPE.equals(r.type()))).hasSize(3);
    assertThat(overdue(overdue, enclave).values()).containsOnly(1L);
    http.get().uri("/api/v1/payouts?project={p}&status=OVERDUE", enclave).exchange().expectStatus().isOk()
        .expectBody().jsonPath("$.total").isEqualTo(3).jsonPath("$.items[0].outstanding").isEqualTo("120000.00");
  }

  private static Map<String, Long> overdue(List<TopicReader.Received> all, String project) {
    return all.stream().filter(r -> project.equals(r.key()) && PayoutOverdue.TYPE.equals(r.type()))
        .collect(Collectors.groupingBy(r -> r.body().replaceAll(".*\"payoutId\":\"([^\"]+)\".*", "$1"),
            Collectors.counting()));
  }
}
