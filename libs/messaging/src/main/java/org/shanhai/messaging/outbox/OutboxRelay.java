package org.shanhai.messaging.outbox;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Publishes the outbox entries of every configured collection to Kafka and then removes them.
 *
 * <p>It runs on its own thread (never a request thread), a pass at a time: find documents with
 * pending entries, lease one (so two instances never publish the same aggregate concurrently and
 * per-aggregate order holds), send its entries in sequence order with the idempotent {@code acks=all}
 * producer, wait for the acknowledgements, and pull exactly the acknowledged prefix. A crash anywhere
 * leaves the entries in place to be sent again: a duplicate is possible, a gap is not. Consumers
 * drop duplicates by event id and sequence.
 */
public final class OutboxRelay implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
  private static final Duration DB_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration BACKOFF_AFTER_FAILURE = Duration.ofSeconds(1);

  private final MongoDatabase database;
  private final Producer<String, CloudEvent> producer;
  private final OutboxProperties properties;
  private final Clock clock;
  private final String owner = UUID.randomUUID().toString();
  private final Semaphore nudges = new Semaphore(0);
  private final AtomicLong backlog = new AtomicLong();
  private final AtomicLong oldestPendingEpochMilli = new AtomicLong();
  private final Counter published;
  private final Counter failures;
  private volatile boolean running;
  private Thread thread;

  public OutboxRelay(MongoDatabase database, Producer<String, CloudEvent> producer, OutboxProperties properties,
      Clock clock, MeterRegistry meters) {
    this.database = database;
    this.producer = producer;
    this.properties = properties;
    this.clock = clock;
    this.published = Counter.builder("shanhai.outbox.published").description("Outbox events published to Kafka")
        .register(meters);
    this.failures = Counter.builder("shanhai.outbox.publish.failures")
        .description("Relay passes that could not publish everything pending (broker unreachable, timeouts)")
        .register(meters);
    Gauge.builder("shanhai.outbox.backlog", backlog, AtomicLong::get)
        .description("Events written but not yet published, as of the relay's last pass").register(meters);
    Gauge.builder("shanhai.outbox.oldest.age", this, OutboxRelay::oldestPendingAgeSeconds).baseUnit("seconds")
        .description("Age of the oldest unpublished event, as of the relay's last pass").register(meters);
  }

  /** Asks for a pass now rather than at the next poll: call after committing a write that appended events. */
  public void nudge() {
    nudges.release();
  }

  @Override
  public synchronized void start() {
    running = true;
    thread = new Thread(this::loop, "outbox-relay");
    thread.setDaemon(true);
    thread.start();
  }

  /** Graceful shutdown: one last pass within the drain timeout, so nothing committed waits for the next start. */
  @Override
  public synchronized void stop() {
    running = false;
    nudge();
    try {
      thread.join(properties.drainTimeout().toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Stop before the web server and the Mongo client go away; start after they exist. */
  @Override
  public int getPhase() {
    return Integer.MAX_VALUE - 2048;
  }

  private void loop() {
    while (running) {
      Duration wait = properties.pollInterval();
      try {
        if (!publishPending()) {
          wait = BACKOFF_AFTER_FAILURE;
        }
      } catch (RuntimeException e) {
        failures.increment();
        log.warn("outbox relay pass failed, retrying in {}: {}", BACKOFF_AFTER_FAILURE, e.toString());
        wait = BACKOFF_AFTER_FAILURE;
      }
      awaitNudge(wait);
    }
    try {
      publishPending();
    } catch (RuntimeException e) {
      log.warn("outbox not drained at shutdown; the pending events are published after the next start: {}", e.toString());
    }
  }

  private void awaitNudge(Duration wait) {
    try {
      if (nudges.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
        nudges.drainPermits();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  /** One pass over every collection; false when something could not be published. */
  boolean publishPending() {
    List<Pending> pending = new ArrayList<>();
    for (String name : properties.collections()) {
      MongoCollection<Document> collection = database.getCollection(name);
      Flux.from(collection.find(and(exists(Outbox.FIELD + ".0"), leaseFree()))
              .projection(Projections.include(Outbox.FIELD, "_id")).limit(properties.batchSize()))
          .collectList().blockOptional(DB_TIMEOUT).orElse(List.of())
          .forEach(document -> pending.add(new Pending(collection, document)));
    }
    recordBacklog(pending);
    for (Pending p : pending) {
      if (!publishDocument(p.collection(), p.document().get("_id"))) {
        failures.increment();
        return false;
      }
    }
    return true;
  }

  private record Pending(MongoCollection<Document> collection, Document document) {
  }

  private void recordBacklog(List<Pending> pending) {
    long entries = 0;
    long oldest = 0;
    for (Pending p : pending) {
      for (Document entry : p.document().getList(Outbox.FIELD, Document.class)) {
        entries++;
        long time = entry.getDate("time").getTime();
        oldest = oldest == 0 ? time : Math.min(oldest, time);
      }
    }
    backlog.set(entries);
    oldestPendingEpochMilli.set(oldest);
  }

  private boolean publishDocument(MongoCollection<Document> collection, Object id) {
    Instant now = clock.instant();
    Document claimed = Mono.from(collection.findOneAndUpdate(
            and(eq("_id", id), exists(Outbox.FIELD + ".0"), leaseFree()),
            Updates.set(Outbox.LEASE, new Document("owner", owner).append("until",
                Date.from(now.plus(properties.lease())))),
            new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)
                .projection(Projections.include(Outbox.FIELD))))
        .block(DB_TIMEOUT);
    if (claimed == null) {
      return true; // another instance holds it, or it was drained meanwhile
    }
    List<OutboxEntry> entries = claimed.getList(Outbox.FIELD, Document.class).stream()
        .map(OutboxEntry::fromDocument)
        .sorted(Comparator.comparingLong(OutboxEntry::sequence))
        .toList();
    List<String> acknowledged = sendInOrder(entries);
    Bson release = acknowledged.isEmpty()
        ? Updates.unset(Outbox.LEASE)
        : Updates.combine(Updates.pull(Outbox.FIELD, in("id", acknowledged)), Updates.unset(Outbox.LEASE));
    Mono.from(collection.updateOne(and(eq("_id", id), eq(Outbox.LEASE + ".owner", owner)), release))
        .block(DB_TIMEOUT);
    published.increment(acknowledged.size());
    return acknowledged.size() == entries.size();
  }

  /**
   * The ids of the longest prefix of {@code entries} that the broker acknowledged. One record at a
   * time: if a later record could be written while an earlier one failed (a batch expiring while
   * the broker is away), consumers would see them out of order and drop the earlier one as stale.
   */
  private List<String> sendInOrder(List<OutboxEntry> entries) {
    List<String> acknowledged = new ArrayList<>();
    for (OutboxEntry entry : entries) {
      try {
        producer.send(new ProducerRecord<>(entry.topic(), entry.key(), toCloudEvent(entry)))
            .get(properties.lease().toMillis() / 2, TimeUnit.MILLISECONDS);
        acknowledged.add(entry.id());
      } catch (ExecutionException | TimeoutException | RuntimeException e) {
        log.warn("event {} not acknowledged by Kafka, it stays in the outbox: {}", entry.id(), e.toString());
        break;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return acknowledged;
  }

  private static CloudEvent toCloudEvent(OutboxEntry entry) {
    return CloudEventBuilder.v1()
        .withId(entry.id())
        .withSource(URI.create(entry.source()))
        .withType(entry.type())
        .withSubject(entry.subject())
        .withTime(entry.time().atOffset(ZoneOffset.UTC))
        .withDataContentType("application/json")
        .withData(entry.data().getBytes(StandardCharsets.UTF_8))
        .withExtension("sequence", Long.toString(entry.sequence()))
        .withExtension("partitionkey", entry.key())
        .build();
  }

  private Bson leaseFree() {
    return or(exists(Outbox.LEASE, false), lt(Outbox.LEASE + ".until", Date.from(clock.instant())));
  }

  private double oldestPendingAgeSeconds() {
    long oldest = oldestPendingEpochMilli.get();
    return oldest == 0 ? 0 : Math.max(0, clock.millis() - oldest) / 1000.0;
  }
}
