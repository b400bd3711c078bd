package org.shanhai.messaging.outbox;

import static com.mongodb.client.model.Filters.all;
import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
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
 * <p>It runs on its own thread (never a request thread), a pass at a time: lease a batch of
 * documents with pending entries (so two instances never publish the same aggregate concurrently
 * and per-aggregate order holds), send their entries in sequence order with the idempotent
 * {@code acks=all} producer — documents side by side, each document's entries one after another —
 * and pull exactly the acknowledged prefix of each. A crash anywhere leaves the entries in place to
 * be sent again: a duplicate is possible, a gap is not. Consumers drop duplicates by event id and
 * sequence.
 *
 * <p>A write that appended entries names its document ({@link #nudge(String, Object)}), and the next
 * pass leases the documents it was told of by their ids: a lone document in one round trip that
 * leases it and reads its entries together. Only every {@code pollInterval} does a pass sweep the
 * whole collection for pending entries, whatever the nudges: entries a pass could not take (another
 * instance's lease, a broker away) and those a crashed instance left wait for a sweep, so no nudge
 * is needed for them to go out.
 */
public final class OutboxRelay implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
  private static final Duration DB_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration BACKOFF_AFTER_FAILURE = Duration.ofSeconds(1);
  /** How often the backlog is counted: a read of every document with pending events, too much for every pass. */
  private static final Duration BACKLOG_EVERY = Duration.ofSeconds(1);

  private final MongoDatabase database;
  private final Producer<String, CloudEvent> producer;
  private final OutboxProperties properties;
  private final Clock clock;
  private final String owner = UUID.randomUUID().toString();
  private final Semaphore nudges = new Semaphore(0);
  /** The documents writes have told of since the last pass, by collection name. */
  private final Queue<Nudged> nudged = new ConcurrentLinkedQueue<>();
  private long sweptAt = System.nanoTime();
  private final AtomicLong backlog = new AtomicLong();
  private final AtomicLong oldestPendingEpochMilli = new AtomicLong();
  private long backlogCountedAt = System.nanoTime() - BACKLOG_EVERY.toNanos();
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
        .description("Events written but not yet published, in every document (whichever instance holds its lease), "
            + "as counted at most a second ago").register(meters);
    Gauge.builder("shanhai.outbox.oldest.age", this, OutboxRelay::oldestPendingAgeSeconds).baseUnit("seconds")
        .description("Age of the oldest unpublished event, as counted at most a second ago").register(meters);
  }

  /**
   * Asks for a pass now rather than at the next poll: call after committing a write that appended
   * events to the document {@code id} of {@code collection}.
   */
  public void nudge(String collection, Object id) {
    nudged.add(new Nudged(collection, id));
    nudges.release();
  }

  private record Nudged(String collection, Object id) {
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
    nudges.release();
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
        if (!publishPending(false)) {
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
      publishPending(true);
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

  /**
   * One pass: over the documents named by nudges since the last, or over every collection when
   * {@code sweep} is asked, when nothing was named or when the last sweep is a poll interval old;
   * false when something could not be published.
   */
  boolean publishPending(boolean sweep) {
    countBacklog();
    Map<String, Set<Object>> named = new LinkedHashMap<>();
    for (Nudged n = nudged.poll(); n != null; n = nudged.poll()) {
      named.computeIfAbsent(n.collection(), c -> new LinkedHashSet<>()).add(n.id());
    }
    long now = System.nanoTime();
    // Entries committed before this pass began are seen by a sweep's read: what was named needs no other.
    if (sweep || named.isEmpty() || now - sweptAt >= properties.pollInterval().toNanos()) {
      sweptAt = now;
      named.clear();
      properties.collections().forEach(name -> named.put(name, Set.of()));
    }
    List<Claimed> claimed = new ArrayList<>();
    named.forEach((name, ids) -> claimed.addAll(claim(database.getCollection(name), ids)));
    if (claimed.isEmpty()) {
      return true;
    }
    Map<Claimed, List<String>> acknowledged = sendInOrder(claimed);
    release(acknowledged);
    long sent = acknowledged.values().stream().mapToLong(List::size).sum();
    published.increment(sent);
    boolean everything = claimed.stream().allMatch(c -> acknowledged.get(c).size() == c.entries().size());
    if (!everything) {
      failures.increment();
    }
    return everything;
  }

  /** A document this pass leased, with its pending entries in sequence order. */
  private record Claimed(MongoCollection<Document> collection, Object id, List<OutboxEntry> entries) {
  }

  /**
   * Leases the documents {@code ids} of {@code collection} (all of them when empty) that have pending
   * entries and no live lease, a batch at most. A lone document named is leased and read in one
   * write that returns it (the common case at a low rate: each write's pass has its own).
   */
  private List<Claimed> claim(MongoCollection<Document> collection, Set<Object> ids) {
    if (ids.size() == 1) {
      return Mono.from(collection.findOneAndUpdate(and(eq("_id", ids.iterator().next()),
                exists(Outbox.FIELD + ".0"), leaseFree()), lease(UUID.randomUUID().toString()),
            new FindOneAndUpdateOptions().projection(Projections.include(Outbox.FIELD))
                .returnDocument(ReturnDocument.AFTER)))
          .map(d -> List.of(claimed(collection, d))).blockOptional(DB_TIMEOUT).orElse(List.of());
    }
    return claim(collection, ids.isEmpty() ? exists(Outbox.FIELD + ".0")
        : and(in("_id", List.copyOf(ids)), exists(Outbox.FIELD + ".0")));
  }

  /**
   * Leases up to a batch of the documents of {@code collection} that match {@code pending} and have
   * no live lease. Their entries are read with them, and each lease is written only if the document is
   * still free and every entry read is still in its outbox. Entries are never changed once written,
   * only appended and pulled, so when every lease is written this pass has exactly the entries it read
   * (any appended since wait for the next pass): two round trips however many are pending. Only when
   * some lease was not written (another instance got in first, or published some of them) is what
   * this pass got read back, by its pass. Every write names the candidates' ids, so it goes by the
   * {@code _id} index; only finding the candidates reads the collection.
   */
  private List<Claimed> claim(MongoCollection<Document> collection, Bson pending) {
    List<Claimed> candidates = Flux.from(collection.find(and(pending, leaseFree()))
            .projection(Projections.include(Outbox.FIELD)).limit(properties.batchSize()))
        .map(d -> claimed(collection, d)).collectList().blockOptional(DB_TIMEOUT).orElse(List.of());
    if (candidates.isEmpty()) {
      return List.of();
    }
    String pass = UUID.randomUUID().toString();
    Bson lease = lease(pass);
    List<WriteModel<Document>> leases = candidates.stream()
        .<WriteModel<Document>>map(c -> new UpdateOneModel<>(
            and(eq("_id", c.id()), all(Outbox.FIELD + ".id", c.entries().stream().map(OutboxEntry::id).toList()),
                leaseFree()), lease))
        .toList();
    int leased = Mono.from(collection.bulkWrite(leases, new BulkWriteOptions().ordered(false)))
        .map(BulkWriteResult::getMatchedCount).blockOptional(DB_TIMEOUT).orElse(0);
    if (leased == candidates.size()) {
      return candidates;
    }
    return Flux.from(collection.find(and(in("_id", candidates.stream().map(Claimed::id).toList()),
            eq(Outbox.LEASE + ".pass", pass))).projection(Projections.include(Outbox.FIELD)))
        .map(d -> claimed(collection, d))
        .collectList().blockOptional(DB_TIMEOUT).orElse(List.of());
  }

  /** This instance's lease for one pass, until the lease's duration from now. */
  private Bson lease(String pass) {
    return Updates.set(Outbox.LEASE, new Document("owner", owner).append("pass", pass)
        .append("until", Date.from(clock.instant().plus(properties.lease()))));
  }

  /** A document's pending entries, in sequence order; the array holds them in the order they were appended. */
  private static Claimed claimed(MongoCollection<Document> collection, Document document) {
    return new Claimed(collection, document.get("_id"), document.getList(Outbox.FIELD, Document.class).stream()
        .map(OutboxEntry::fromDocument)
        .sorted(Comparator.comparingLong(OutboxEntry::sequence))
        .toList());
  }

  /**
   * Sends in rounds: each round sends the next entry of every document at once and waits for the
   * acknowledgements. Within a document an entry is sent only after the previous one was
   * acknowledged: if a later record could land while an earlier one failed (a batch expiring while
   * the broker is away), consumers would see them out of order and drop the earlier one as stale.
   * A document whose entry fails stops there for this pass; the others go on.
   */
  private Map<Claimed, List<String>> sendInOrder(List<Claimed> claimed) {
    Map<Claimed, List<String>> acknowledged = new LinkedHashMap<>();
    List<Claimed> sending = new ArrayList<>(claimed);
    claimed.forEach(c -> acknowledged.put(c, new ArrayList<>()));
    while (!sending.isEmpty()) {
      Map<Claimed, Future<RecordMetadata>> round = new LinkedHashMap<>();
      for (Claimed c : sending) {
        OutboxEntry next = c.entries().get(acknowledged.get(c).size());
        try {
          round.put(c, producer.send(new ProducerRecord<>(next.topic(), next.key(), next.toCloudEvent())));
        } catch (RuntimeException e) {
          log.warn("cannot hand event {} to the Kafka producer: {}", next.id(), e.toString());
        }
      }
      sending.clear();
      for (Map.Entry<Claimed, Future<RecordMetadata>> send : round.entrySet()) {
        Claimed c = send.getKey();
        OutboxEntry entry = c.entries().get(acknowledged.get(c).size());
        try {
          send.getValue().get(properties.lease().toMillis() / 2, TimeUnit.MILLISECONDS);
          acknowledged.get(c).add(entry.id());
          if (acknowledged.get(c).size() < c.entries().size()) {
            sending.add(c);
          }
        } catch (ExecutionException | TimeoutException e) {
          log.warn("event {} not acknowledged by Kafka, it stays in the outbox: {}", entry.id(), e.toString());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return acknowledged;
        }
      }
    }
    return acknowledged;
  }

  /**
   * Removes what was acknowledged and gives the leases back: an update per document, all of a
   * collection's in one unordered bulk write, one round trip however many documents the pass sent.
   */
  private void release(Map<Claimed, List<String>> acknowledged) {
    Map<MongoCollection<Document>, List<WriteModel<Document>>> releases = new LinkedHashMap<>();
    acknowledged.forEach((claimed, ids) -> {
      Bson release = ids.isEmpty()
          ? Updates.unset(Outbox.LEASE)
          : Updates.combine(Updates.pull(Outbox.FIELD, in("id", ids)), Updates.unset(Outbox.LEASE));
      releases.computeIfAbsent(claimed.collection(), c -> new ArrayList<>())
          .add(new UpdateOneModel<>(and(eq("_id", claimed.id()), eq(Outbox.LEASE + ".owner", owner)), release));
    });
    Flux.fromIterable(releases.entrySet())
        .concatMap(e -> e.getKey().bulkWrite(e.getValue(), new BulkWriteOptions().ordered(false)))
        .then().block(DB_TIMEOUT);
  }

  /**
   * Counts every pending event of every outbox collection, not only what a pass claims: a pass takes
   * at most a batch of documents, and none that another instance has leased, so its own count would
   * understate a backlog exactly when it matters (a broker outage, several instances).
   */
  private void countBacklog() {
    long now = System.nanoTime();
    if (now - backlogCountedAt < BACKLOG_EVERY.toNanos()) {
      return;
    }
    backlogCountedAt = now;
    long entries = 0;
    long oldest = 0;
    for (String name : properties.collections()) {
      List<Document> pending = Flux.from(database.getCollection(name).find(exists(Outbox.FIELD + ".0"))
          .projection(Projections.include(Outbox.FIELD))).collectList().blockOptional(DB_TIMEOUT).orElse(List.of());
      for (Document document : pending) {
        for (Document entry : document.getList(Outbox.FIELD, Document.class)) {
          entries++;
          long time = OutboxEntry.fromDocument(entry).time().toEpochMilli();
          oldest = oldest == 0 ? time : Math.min(oldest, time);
        }
      }
    }
    backlog.set(entries);
    oldestPendingEpochMilli.set(oldest);
  }

  private Bson leaseFree() {
    return or(exists(Outbox.LEASE, false), lt(Outbox.LEASE + ".until", Date.from(clock.instant())));
  }

  private double oldestPendingAgeSeconds() {
    long oldest = oldestPendingEpochMilli.get();
    return oldest == 0 ? 0 : Math.max(0, clock.millis() - oldest) / 1000.0;
  }
}
