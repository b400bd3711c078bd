package org.shanhai.alerts.delivery.kafka;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.shanhai.alerts.delivery.DeliveryMetrics;
import org.shanhai.alerts.matcher.Matchers;
import org.shanhai.events.Topics;
import org.shanhai.events.alerts.AlertEvent;
import org.shanhai.messaging.consumer.EventReader;
import org.shanhai.messaging.consumer.PoisonEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.Exceptions;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

/**
 * The alert events of {@code shanhai.alerts.v1} as Server-Sent Events, filtered by matchers. The
 * topic is the durable log, so a client resumes exactly where it left off: each event's SSE id is
 * the position after it in every partition ({@code 0:12,1:7,2:30}), and a reconnect with that
 * {@code Last-Event-ID} continues from there. Without one the stream starts with what comes next;
 * a first comment ({@code : from 0:12,1:7,2:30}) says the stream is positioned.
 * Each client has its own Kafka consumer (assigned, no group) on its own thread, so their number is
 * capped per instance ({@code shanhai.alerts.streams.max-clients}): beyond the cap a stream is refused
 * (503 with Retry-After). A client that falls more than {@code shanhai.alerts.streams.buffer} events
 * behind is dropped rather than buffered without end. Both come back later and resume from their
 * Last-Event-ID, losing nothing: the topic is the log.
 */
@Component
public class AlertStream {

  private static final Logger log = LoggerFactory.getLogger(AlertStream.class);
  private static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

  private static final String RETRY_AFTER_SECONDS = "30";

  private final KafkaProperties kafka;
  private final EventReader reader;
  private final DeliveryMetrics metrics;
  private final int maxClients;
  private final int buffer;
  private final AtomicInteger open = new AtomicInteger();

  AlertStream(KafkaProperties kafka, EventReader reader, DeliveryMetrics metrics, MeterRegistry meters,
      @Value("${shanhai.alerts.streams.max-clients:200}") int maxClients,
      @Value("${shanhai.alerts.streams.buffer:256}") int buffer) {
    this.kafka = kafka;
    this.reader = reader;
    this.metrics = metrics;
    this.maxClients = maxClients;
    this.buffer = buffer;
    Gauge.builder("shanhai.alerts.streams.open", open, AtomicInteger::get)
        .description("Server-Sent Event streams of alerts open on this instance").register(meters);
  }

  /** Parses a {@code Last-Event-ID}; 400 when it is not one of ours. */
  public static Map<Integer, Long> position(String lastEventId) {
    Map<Integer, Long> position = new TreeMap<>();
    if (lastEventId == null || lastEventId.isBlank()) {
      return position;
    }
    try {
      for (String part : lastEventId.split(",")) {
        String[] pair = part.split(":");
        position.put(Integer.parseInt(pair[0].strip()), Long.parseLong(pair[1].strip()));
      }
    } catch (RuntimeException e) {
      throw new ServerWebInputException("Last-Event-ID is a stream position such as 0:12,1:7,2:30");
    }
    return position;
  }

  /** The stream, if this instance has room for one more; 503 (a problem with Retry-After) when it has not. */
  public Flux<ServerSentEvent<String>> stream(Matchers matchers, Map<Integer, Long> from) {
    return Flux.defer(() -> {
      if (open.incrementAndGet() > maxClients) {
        open.decrementAndGet();
        metrics.notification("sse", "refused-capacity");
        return Flux.error(full());
      }
      return events(matchers, from).doFinally(signal -> open.decrementAndGet());
    });
  }

  private Flux<ServerSentEvent<String>> events(Matchers matchers, Map<Integer, Long> from) {
    Flux<ServerSentEvent<String>> events = Flux.<ServerSentEvent<String>>create(sink -> {
      AtomicBoolean stopped = new AtomicBoolean();
      KafkaConsumer<String, String> consumer = consumer();
      Thread reader = new Thread(() -> read(consumer, matchers, from, sink, stopped), "alert-stream");
      reader.setDaemon(true);
      sink.onDispose(() -> {
        stopped.set(true);
        consumer.wakeup();
      });
      reader.start();
    }, FluxSink.OverflowStrategy.BUFFER);
    Flux<ServerSentEvent<String>> keepAlive = Flux.interval(KEEP_ALIVE)
        .map(i -> ServerSentEvent.<String>builder().comment("keep-alive").build());
    // One reader per client: the keep-alive comments end when the events do.
    return events.publish(shared -> Flux.merge(shared, keepAlive.takeUntilOther(shared.ignoreElements())))
        // Bounded here, downstream of everything that queues: a client this far behind is dropped (its
        // stream ends; it resumes from its Last-Event-ID), and nothing above holds more for it.
        .onBackpressureBuffer(buffer, dropped -> { }, BufferOverflowStrategy.ERROR)
        .onErrorResume(Exceptions::isOverflow, overflow -> {
          metrics.notification("sse", "dropped-slow-client");
          return Flux.just(ServerSentEvent.<String>builder()
              .comment("dropped: too far behind; reconnect with Last-Event-ID to resume").build());
        });
  }

  private void read(KafkaConsumer<String, String> consumer, Matchers matchers, Map<Integer, Long> from,
      FluxSink<ServerSentEvent<String>> sink, AtomicBoolean stopped) {
    try (consumer) {
      List<TopicPartition> partitions = new ArrayList<>();
      consumer.partitionsFor(Topics.ALERTS, Duration.ofSeconds(10))
          .forEach(p -> partitions.add(new TopicPartition(Topics.ALERTS, p.partition())));
      consumer.assign(partitions);
      Map<Integer, Long> position = new HashMap<>();
      for (TopicPartition tp : partitions) {
        if (from.containsKey(tp.partition())) {
          consumer.seek(tp, from.get(tp.partition()));
        } else if (from.isEmpty()) {
          consumer.seekToEnd(List.of(tp));
        } else {
          consumer.seekToBeginning(List.of(tp)); // a partition added since the client's position: all of it is new
        }
        position.put(tp.partition(), consumer.position(tp));
      }
      // Tells the client from where it is reading: anything published after this comment reaches it.
      sink.next(ServerSentEvent.<String>builder().comment("from " + token(position)).build());
      while (!stopped.get()) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
          position.put(record.partition(), record.offset() + 1);
          String type = header(record, "ce_type");
          if (type != null && matches(record, matchers)) {
            metrics.notification("sse", "streamed");
            sink.next(ServerSentEvent.<String>builder().id(token(position)).event(type).data(record.value()).build());
          }
        }
      }
    } catch (WakeupException e) {
      // The client went away.
    } catch (RuntimeException e) {
      log.warn("alert stream ended: {}", e.toString());
      sink.error(e);
      return;
    }
    sink.complete();
  }

  /** Whether the record is an alert event the matchers select; anything else is nothing for this stream. */
  private boolean matches(ConsumerRecord<String, String> record, Matchers matchers) {
    MessageBuilder<byte[]> message = MessageBuilder.withPayload(record.value().getBytes(StandardCharsets.UTF_8));
    record.headers().forEach(h -> message.setHeader(h.key(), h.value()));
    try {
      return reader.read(message.build()).map(e -> e.event() instanceof AlertEvent alert
          && matchers.matches(alert.alert())).orElse(false);
    } catch (PoisonEvent e) {
      return false;
    }
  }

  private ErrorResponseException full() {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, "this instance already "
        + "serves " + maxClients + " alert streams, its most; retry in " + RETRY_AFTER_SECONDS + " s (another "
        + "instance may have room)");
    problem.setType(URI.create("https://shanhai.example/problems/stream-capacity"));
    problem.setTitle("Too many open streams");
    problem.setProperty("errors", List.of());
    ErrorResponseException refused = new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, problem, null);
    refused.getHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
    return refused;
  }

  private static String token(Map<Integer, Long> position) {
    return new TreeMap<>(position).entrySet().stream().map(e -> e.getKey() + ":" + e.getValue())
        .collect(Collectors.joining(","));
  }

  private static String header(ConsumerRecord<String, String> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  private KafkaConsumer<String, String> consumer() {
    Map<String, Object> config = kafka.buildConsumerProperties();
    config.remove(ConsumerConfig.GROUP_ID_CONFIG);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, "alerts-stream-" + System.nanoTime());
    return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
  }
}
