package org.shanhai.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.shanhai.messaging.consumer.ConsumedEvents;
import org.shanhai.messaging.consumer.EventReader;
import org.shanhai.messaging.deadletter.DeadLetters;
import org.shanhai.messaging.deadletter.DeadLettersEndpoint;
import org.shanhai.messaging.deadletter.FailedRecords;
import org.shanhai.messaging.kafka.KafkaHealthIndicator;
import org.shanhai.messaging.mongo.MongoPingHealthIndicator;
import org.shanhai.messaging.outbox.EventOutbox;
import org.shanhai.messaging.outbox.OutboxCollections;
import org.shanhai.messaging.outbox.OutboxProperties;
import org.shanhai.messaging.outbox.OutboxRelay;
import org.shanhai.messaging.rebuild.ProjectionRebuild;
import org.shanhai.messaging.rebuild.ProjectionsEndpoint;
import org.shanhai.messaging.rebuild.ViewsPlan;
import org.shanhai.messaging.schedule.Turns;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoProperties;
import org.springframework.cloud.function.core.FunctionInvocationHelper;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.cloud.stream.binder.kafka.properties.KafkaBindingProperties;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.messaging.Message;

/**
 * What every service gets from shanhai-messaging: the outbox relay over the collections named in
 * {@code shanhai.outbox.collections}, its CloudEvents producer, the consumers' reading and counting of
 * events, dead-letter handling, and the Kafka and MongoDB health indicators. Kafka and MongoDB
 * settings are Spring Boot's own ({@code spring.kafka.*}, {@code spring.mongodb.*}). The service's
 * database and its clock are here too, for the services' domains and stores to share; a test may
 * supply its own clock.
 */
// Before Spring Cloud Function's CloudEvents configuration, whose helper steps aside for the one here.
@AutoConfiguration(beforeName = "org.springframework.cloud.function.cloudevent.CloudEventsFunctionExtensionConfiguration")
@EnableConfigurationProperties({OutboxProperties.class, KafkaProperties.class})
public class MessagingAutoConfiguration {

  /**
   * The one clock, in the programme's zone ({@code shanhai.zone}, Asia/Shanghai): "today", due and
   * report dates and years are Zhejiang's. Millisecond ticks, what MongoDB stores, so a value read
   * back equals the one written.
   */
  @Bean
  @ConditionalOnMissingBean
  Clock clock(@Value("${shanhai.zone:Asia/Shanghai}") ZoneId zone) {
    return Clock.tickMillis(zone);
  }

  /** Whose turn it is, among the service's instances, to run a job whose result is the service's (figures, clock rounds). */
  @Bean
  @ConditionalOnMissingBean
  Turns turns(MongoDatabase serviceDatabase, Clock clock) {
    return new Turns(serviceDatabase.getCollection("turns"), clock, Turns.thisInstance());
  }

  /** The service's own database: {@code spring.mongodb.database}, or the one named in the URI. */
  @Bean
  @ConditionalOnMissingBean
  MongoDatabase serviceDatabase(MongoClient mongo, MongoProperties properties) {
    return mongo.getDatabase(properties.getMongoClientDatabase());
  }

  /**
   * The producer behind the outbox: idempotent with {@code acks=all}, so a retried send never
   * duplicates or reorders a record within a partition, and CloudEvents' Kafka binding in binary
   * mode ({@code ce_*} headers, JSON body). Timeouts are short so a pass fails fast while the broker is down.
   */
  @Bean(destroyMethod = "close")
  Producer<String, CloudEvent> outboxProducer(KafkaProperties kafka, MeterRegistry meters) {
    Map<String, Object> config = kafka.buildProducerProperties();
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
    config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
    config.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
    config.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 20_000);
    config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 0);
    KafkaProducer<String, CloudEvent> producer =
        new KafkaProducer<>(config, new StringSerializer(), new CloudEventSerializer());
    new KafkaClientMetrics(producer).bindTo(meters);
    return producer;
  }

  @Bean
  OutboxRelay outboxRelay(MongoDatabase serviceDatabase, Producer<String, CloudEvent> outboxProducer,
      OutboxProperties properties, Clock clock, MeterRegistry meters) {
    return new OutboxRelay(serviceDatabase, outboxProducer, properties, clock, meters);
  }

  /** Present once the service says what its events are published as (its {@link EventOutbox} bean). */
  @Bean
  @ConditionalOnBean(EventOutbox.class)
  OutboxCollections outboxCollections(MongoDatabase serviceDatabase, EventOutbox eventOutbox, OutboxRelay outboxRelay,
      Clock clock) {
    return new OutboxCollections(serviceDatabase, eventOutbox, outboxRelay, clock);
  }

  @Bean
  EventReader eventReader() {
    return new EventReader();
  }

  @Bean
  ConsumedEvents consumedEvents(EventReader eventReader, MeterRegistry meters) {
    return new ConsumedEvents(eventReader, meters);
  }

  /**
   * For services that consume through the Spring Cloud Stream Kafka binder: a record a poll failed on
   * is retried, then dead-lettered alone, on the partition it came from, and counted
   * ({@link FailedRecords}); {@code /actuator/deadletters} lists and replays the dead-letter topics of
   * its bindings.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(ListenerContainerWithDlqAndRetryCustomizer.class)
  static class DeadLetterHandling {

    @Bean
    FailedRecords failedRecords(KafkaProperties kafka, ConsumedEvents consumed) {
      return new FailedRecords(kafka.buildProducerProperties(), consumed);
    }

    @Bean
    @ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
    DeadLettersEndpoint deadLettersEndpoint(KafkaProperties kafka, Environment environment) {
      return new DeadLettersEndpoint(new DeadLetters(kafka.buildAdminProperties()), deadLetterTopics(environment));
    }

    /**
     * {@code /actuator/projections}, for a service that says what its views are made of (a
     * {@link ViewsPlan}): their rebuild from the topics.
     */
    @Bean
    @ConditionalOnBean(ViewsPlan.class)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
    ProjectionsEndpoint projectionsEndpoint(ViewsPlan plan, MongoDatabase serviceDatabase, EventReader eventReader,
        BindingsLifecycleController bindings, KafkaProperties kafka) {
      return new ProjectionsEndpoint(new ProjectionRebuild(plan, serviceDatabase, eventReader, bindings,
          kafka.buildConsumerProperties(), kafka.buildAdminProperties()));
    }

    /** The dead-letter topic of every binding with {@code enable-dlq}: its {@code dlq-name}, or the binder's default name. */
    static Set<String> deadLetterTopics(Environment environment) {
      Set<String> topics = new TreeSet<>();
      Binder.get(environment).bind("spring.cloud.stream.kafka.bindings", Bindable.mapOf(String.class, KafkaBindingProperties.class))
          .orElse(Map.of()).forEach((binding, properties) -> {
            if (properties.getConsumer().isEnableDlq()) {
              String name = properties.getConsumer().getDlqName();
              topics.add(name != null ? name : "error." + environment.getProperty("spring.cloud.stream.bindings." + binding + ".destination")
                  + "." + environment.getProperty("spring.cloud.stream.bindings." + binding + ".group"));
            }
          });
      return topics;
    }
  }

  /**
   * Messages reach the consumers' functions as the binder read them. The consumers read the
   * CloudEvents attributes from the {@code ce_*} headers themselves ({@link EventReader}); Spring
   * Cloud Function's CloudEvents helper, the default, would first copy every message into its canonical
   * form, and on the way parses the Kafka {@code content-type} header's bytes, printed as an array
   * ({@code [B@…}), as a MIME type: an exception thrown and caught for every message. 3–5% of a
   * consumer's CPU under load when each record was a message, for a form nothing here reads
   * (docs/benchmarks.md, the tenth sitting); in batch mode a poll is one message, so it costs less
   * now, but it is still work for nothing.
   * No function here returns anything, so the helper's other half, headers for a function's output,
   * has nothing to do either.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(FunctionInvocationHelper.class)
  static class ConsumedMessages {

    @Bean
    FunctionInvocationHelper<Message<?>> messagesAsRead() {
      return new FunctionInvocationHelper<>() {
      };
    }
  }

  /** Named so Spring Boot's own Mongo indicator (which needs the {@code hello} command) steps aside. */
  @Bean
  MongoPingHealthIndicator mongoHealthIndicator(MongoDatabase serviceDatabase) {
    return new MongoPingHealthIndicator(serviceDatabase, Duration.ofSeconds(3));
  }

  @Bean(destroyMethod = "close")
  @ConditionalOnProperty(prefix = "management.health.kafka", name = "enabled", matchIfMissing = true)
  KafkaHealthIndicator kafkaHealthIndicator(KafkaProperties kafka) {
    return new KafkaHealthIndicator(kafka.buildAdminProperties(), Duration.ofSeconds(3));
  }
}
