package org.shanhai.payouts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import com.mongodb.reactivestreams.client.MongoDatabase;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.shanhai.events.Topics;
import org.shanhai.events.payouts.AidTransferred;
import org.shanhai.testkit.EventPublisher;
import org.shanhai.testkit.EventSchemas;
import org.shanhai.testkit.Outboxes;
import org.shanhai.testkit.TestIssuer;
import org.shanhai.testkit.TopicReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

/** Aid funds from 慈溪 to 常山: commitments, disbursements, the warning when paying beyond them, and bad input. */
@PayoutsServiceTest
class AidTransferIT {

  private static final EventPublisher publisher = new EventPublisher();

  @RegisterExtension
  static final TopicReader topic = new TopicReader(Topics.PAYOUTS);

  @Autowired
  WebTestClient http;
  @Autowired
  MongoDatabase database;

  @AfterAll
  static void close() {
    publisher.close();
  }

  @Test
  void aDisbursementBeyondTheCommitmentIsAcceptedWithAWarningAndPublished() {
    SeedStory.Enclave cixi = new SeedStory(http, publisher).enclave(SeedStory.CHANGSHAN, SeedStory.CIXI,
        "INDUSTRIAL_ENCLAVE");
    record(transfer(cixi.pairing(), cixi.project(), "COMMITMENT", "100000.00", "2020-06-30")).expectStatus().isCreated()
        .expectBody().jsonPath("$.fromCounty").isEqualTo(SeedStory.CIXI).jsonPath("$.warnings").isEmpty();

    record(transfer(cixi.pairing(), cixi.project(), "DISBURSEMENT", "150000.00", "2020-12-31"))
        .expectStatus().isCreated()
        .expectBody().jsonPath("$.warnings[0].code").isEqualTo("beyond-commitment");

    List<TopicReader.Received> events = topic.awaitKey(cixi.project(), 2, Duration.ofSeconds(30));
    assertThat(events).extracting(TopicReader.Received::type).containsOnly(AidTransferred.TYPE);
    assertThat(events).allSatisfy(e -> assertThat(EventSchemas.violations(e.type(), e.body())).isEmpty());
    http.get().uri("/api/v1/aid-transfers?pairing={p}&type=DISBURSEMENT", cixi.pairing()).exchange()
        .expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(1);
  }

  @Test
  void rejectsUnknownPairingsWrongCountiesFutureDatesAndNegativeAmountsWithoutATrace() {
    SeedStory.Enclave cixi = new SeedStory(http, publisher).enclave(SeedStory.CHANGSHAN, SeedStory.CIXI,
        "INDUSTRIAL_ENCLAVE");
    String tomorrow = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1).toString();
    int before = Outboxes.awaitQuiet(database, topic, "aid_transfers");
    long stored = count();

    rejected(transfer("no-such-pairing", null, "COMMITMENT", "1.00", "2020-06-30"), "pairingId");
    rejected(transfer(cixi.pairing(), null, "COMMITMENT", "1.00", "2020-06-30")
        .replace("\"pairingId\"", "\"fromCounty\":\"330212\",\"pairingId\""), "fromCounty");
    rejected(transfer(cixi.pairing(), null, "COMMITMENT", "1.00", tomorrow), "date");
    rejected(transfer(cixi.pairing(), null, "DISBURSEMENT", "-1.00", "2020-06-30"), "amount");

    assertThat(Outboxes.awaitQuiet(database, topic, "aid_transfers")).isEqualTo(before);
    assertThat(count()).isEqualTo(stored);
    http.get().uri("/api/v1/aid-transfers?county={c}", "{\"$ne\":null}").exchange().expectStatus().isBadRequest();
  }

  private static String transfer(String pairing, String project, String type, String amount, String date) {
    return """
        {"pairingId":"%s",%s"transactionType":"%s","amount":"%s","date":"%s","purpose":"莲子酒销售平台"}"""
        .formatted(pairing, project == null ? "" : "\"projectId\":\"" + project + "\",", type, amount, date);
  }

  private WebTestClient.ResponseSpec record(String json) {
    return http.post().uri("/api/v1/aid-transfers").header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer("officer.cixi"))
        .contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
  }

  private void rejected(String json, String field) {
    record(json).expectStatus().isEqualTo(422).expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody().jsonPath("$.errors[*].field").value(found ->
            assertThat(((List<?>) found).stream().map(String::valueOf).toList()).contains(field));
  }

  private long count() {
    return Mono.from(database.getCollection("aid_transfers").countDocuments(new Document())).block();
  }
}
