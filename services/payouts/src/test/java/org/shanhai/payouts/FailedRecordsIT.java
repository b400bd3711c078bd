package org.shanhai.payouts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.shanhai.events.projects.ProjectStatusChanged;
import org.shanhai.events.value.CountyCode;
import org.shanhai.events.value.ProjectId;
import org.shanhai.messaging.consumer.ConsumedEvents;
import org.shanhai.testkit.EventPublisher;
import org.shanhai.testkit.Prometheus;
import org.shanhai.testkit.TopicReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.messaging.Message;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

/**
 * A consumer binding as the services' are (batch mode, three attempts, dead letters) over the real
 * broker, with a handler that fails on purpose: a record that fails now and then is retried and
 * applied; one that always fails is dead-lettered alone after its attempts, and its key's later
 * records are applied after it, in order. (The poll's other records are delivered again with each
 * retry, which idempotent consumers absorb.)
 */
@PayoutsServiceTest
// Only the test's consumer is bound: the service's own would join group payouts beside the other tests' context.
@TestPropertySource(properties = {
    "spring.cloud.function.definition=onTestEvent",
    "spring.cloud.stream.bindings.onTestEvent-in-0.destination=" + FailedRecordsIT.TOPIC,
    "spring.cloud.stream.bindings.onTestEvent-in-0.group=failed-records-test",
    "spring.cloud.stream.bindings.onTestEvent-in-0.content-type=application/octet-stream",
    "spring.cloud.stream.bindings.onTestEvent-in-0.consumer.batch-mode=true",
    "spring.cloud.stream.bindings.onTestEvent-in-0.consumer.max-attempts=3",
    "spring.cloud.stream.bindings.onTestEvent-in-0.consumer.back-off-initial-interval=100",
    "spring.cloud.stream.kafka.bindings.onTestEvent-in-0.consumer.start-offset=earliest",
    "spring.cloud.stream.kafka.bindings.onTestEvent-in-0.consumer.enable-dlq=true",
    "spring.cloud.stream.kafka.bindings.onTestEvent-in-0.consumer.dlq-name=" + FailedRecordsIT.TOPIC + ".dlq"})
class FailedRecordsIT {

  static final String TOPIC = "failed-records-test";

  private static final EventPublisher publisher = new EventPublisher();
  /** Every attempt at a record, as subject and sequence, in the order made. */
  private static final List<String> attempts = Collections.synchronizedList(new ArrayList<>());

  @RegisterExtension
  static final TopicReader deadLetters = new TopicReader(TOPIC + ".dlq");

  @Autowired
  WebTestClient http;

  @TestConfiguration(proxyBeanMethods = false)
  static class FailingConsumer {

    @Bean
    Consumer<Message<List<byte[]>>> onTestEvent(ConsumedEvents consumed) {
      return poll -> consumed.handle(poll, incoming -> {
        String record = incoming.subject() + "#" + incoming.sequence();
        attempts.add(record);
        if (record.equals("broken#1")) {
          return Mono.error(new IllegalStateException("broken#1 always fails"));
        }
        if (record.equals("flaky#1") && attempts.stream().filter(record::equals).count() == 1) {
          return Mono.error(new IllegalStateException("flaky#1 fails the first time"));
        }
        return Mono.just(true);
      });
    }
  }

  @AfterAll
  static void close() {
    publisher.close();
  }

  @Test
  void aRecordIsRetriedThenDeadLetteredAloneAndItsKeysLaterRecordsFollowInOrder() {
    publish("broken", 1);
    publish("steady", 1);
    publish("broken", 2);
    publish("flaky", 1);
    publish("steady", 2);

    await().atMost(Duration.ofSeconds(60)).until(() -> attempts.contains("broken#2") && attempts.contains("steady#2")
        && attempts.stream().filter("flaky#1"::equals).count() >= 2);

    List<TopicReader.Received> letters = deadLetters.awaitKey("broken", 1, Duration.ofSeconds(30));
    assertThat(letters).singleElement().satisfies(letter -> {
      assertThat(letter.sequence()).isEqualTo(1);
      assertThat(letter.headers()).containsEntry("x-original-topic", TOPIC)
          .containsEntry("x-exception-message", "broken#1 always fails");
    });
    assertThat(attempts.stream().filter("broken#1"::equals)).as("max-attempts").hasSize(3);
    assertThat(attempts.lastIndexOf("broken#1")).as("a key's later record waits for the one before it")
        .isLessThan(attempts.indexOf("broken#2"));
    assertThat(attempts.indexOf("steady#1")).isLessThan(attempts.indexOf("steady#2"));
    assertThat(deadLetters.drainFor(Duration.ofSeconds(1))).as("only the record that always fails")
        .extracting(TopicReader.Received::key).containsExactly("broken");
    assertThat(Prometheus.sum(http,
        "shanhai_events_dead_lettered_total{application=\"payouts\",group=\"failed-records-test\""))
        .isEqualTo(1.0);
  }

  private static void publish(String project, long sequence) {
    publisher.publish(TOPIC, project, ProjectStatusChanged.TYPE, project, sequence, new ProjectStatusChanged(
        ProjectId.of(project), sequence, "pairing", CountyCode.of(SeedStory.CHANGSHAN), CountyCode.of(SeedStory.CIXI),
        "INDUSTRIAL_ENCLAVE", "UNDER_CONSTRUCTION", "TOPPED_OUT", LocalDate.parse("2021-06-30"), "officer",
        Instant.now()));
  }
}
