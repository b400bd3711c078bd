package org.shanhai.messaging.deadletter;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.shanhai.messaging.consumer.ConsumedEvents;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.cloud.stream.binder.ExtendedConsumerProperties;
import org.springframework.cloud.stream.binder.kafka.KafkaMessageChannelBinder;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.cloud.stream.binder.kafka.properties.KafkaConsumerProperties;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * What a consumer binding's container does with a record its poll failed on ({@link ConsumedEvents}
 * names it): commits the records before it, retries it with the binding's back-off
 * ({@code max-attempts}, {@code back-off-*}; at once to the dead letters for the binding's
 * {@code retryable-exceptions} set to false), then publishes it to the binding's dead-letter topic, on
 * the partition it came from, and goes on with the rest of the poll. The binder does this itself for
 * one record at a time only; in batch mode it would dead-letter the whole poll.
 *
 * <p>The dead letter keeps the record's key, body and headers and adds the binder's own headers
 * ({@code x-original-topic}, {@code x-exception-message}, ...), which {@link DeadLetters} reads and a
 * replay leaves out.
 */
public final class FailedRecords implements ListenerContainerWithDlqAndRetryCustomizer, DisposableBean {

  private static final DeadLetterPublishingRecoverer.HeaderNames BINDER_HEADERS =
      DeadLetterPublishingRecoverer.HeaderNames.Builder.original()
          .topicHeader(KafkaMessageChannelBinder.X_ORIGINAL_TOPIC)
          .partitionHeader(KafkaMessageChannelBinder.X_ORIGINAL_PARTITION)
          .offsetHeader(KafkaMessageChannelBinder.X_ORIGINAL_OFFSET)
          .timestampHeader(KafkaMessageChannelBinder.X_ORIGINAL_TIMESTAMP)
          .timestampTypeHeader(KafkaMessageChannelBinder.X_ORIGINAL_TIMESTAMP_TYPE)
          .consumerGroupHeader("x-original-consumer-group")
          .exception()
          .exceptionFqcn(KafkaMessageChannelBinder.X_EXCEPTION_FQCN)
          .exceptionCauseFqcn("x-exception-cause-fqcn")
          .exceptionMessage(KafkaMessageChannelBinder.X_EXCEPTION_MESSAGE)
          .exceptionStacktrace(KafkaMessageChannelBinder.X_EXCEPTION_STACKTRACE)
          .keyExceptionFqcn("x-exception-key-fqcn")
          .keyExceptionMessage("x-exception-key-message")
          .keyExceptionStacktrace("x-exception-key-stacktrace")
          .build();

  private final DefaultKafkaProducerFactory<byte[], byte[]> producers;
  private final KafkaTemplate<byte[], byte[]> template;
  private final ConsumedEvents consumed;

  /** @param producer the Kafka producer settings the dead letters are sent with */
  public FailedRecords(Map<String, Object> producer, ConsumedEvents consumed) {
    Map<String, Object> config = new HashMap<>(producer);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    this.producers = new DefaultKafkaProducerFactory<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    this.template = new KafkaTemplate<>(producers);
    this.consumed = consumed;
  }

  /** Not called: the binder (4.2 and later) calls the form with the binding's properties, below. */
  @Override
  public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
      BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver, BackOff backOff) {
    throw new IllegalStateException("a consumer container of " + destinationName + " configured without its binding's"
        + " properties: whether it is in batch mode and which failures it retries are not known");
  }

  @Override
  public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
      BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver, BackOff backOff,
      ExtendedConsumerProperties<KafkaConsumerProperties> properties) {
    // A single-record binding would have the binder's own retries and dead letters, not counted and
    // not needed: every consumer here takes a poll at a time, so one way of handling failures holds.
    if (!properties.isBatchMode() || dlqDestinationResolver == null) {
      throw new IllegalStateException("the consumer binding " + properties.getBindingName() + " of " + destinationName
          + " must have batch-mode: true and enable-dlq: true, so a record that fails goes to its dead letters alone");
    }
    DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template, (record, error) -> {
      consumed.deadLettered(group);
      return dlqDestinationResolver.apply(record, error);
    });
    recoverer.setHeaderNamesSupplier(() -> BINDER_HEADERS);
    recoverer.setExceptionHeadersCreator((headers, error, isKey, names) -> describe(headers, recordsOwn(error)));
    DefaultErrorHandler handler =
        new DefaultErrorHandler(recoverer, backOff != null ? backOff : new FixedBackOff(0, 0));
    properties.getRetryableExceptions().forEach((type, retryable) -> {
      if (Exception.class.isAssignableFrom(type)) {
        if (retryable) {
          handler.addRetryableExceptions(type.asSubclass(Exception.class));
        } else {
          handler.addNotRetryableExceptions(type.asSubclass(Exception.class));
        }
      }
    });
    container.setCommonErrorHandler(handler);
  }

  /**
   * The record's own failure, which {@link ConsumedEvents} put in the {@link BatchListenerFailedException}
   * (the container and Spring Integration wrap it twice more): what the dead letter says went wrong.
   */
  private static Throwable recordsOwn(Exception error) {
    for (Throwable e = error; e != null; e = e.getCause()) {
      if (e instanceof BatchListenerFailedException failed && failed.getCause() != null) {
        return failed.getCause();
      }
    }
    return error;
  }

  private static void describe(Headers headers, Throwable failure) {
    StringWriter trace = new StringWriter();
    failure.printStackTrace(new PrintWriter(trace));
    headers.remove(KafkaMessageChannelBinder.X_EXCEPTION_FQCN);
    headers.remove(KafkaMessageChannelBinder.X_EXCEPTION_MESSAGE);
    headers.remove(KafkaMessageChannelBinder.X_EXCEPTION_STACKTRACE);
    headers.add(KafkaMessageChannelBinder.X_EXCEPTION_FQCN,
        failure.getClass().getName().getBytes(StandardCharsets.UTF_8));
    headers.add(KafkaMessageChannelBinder.X_EXCEPTION_MESSAGE,
        String.valueOf(failure.getMessage()).getBytes(StandardCharsets.UTF_8));
    headers.add(KafkaMessageChannelBinder.X_EXCEPTION_STACKTRACE, trace.toString().getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void destroy() {
    producers.destroy();
  }
}
