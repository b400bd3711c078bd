package org.shanhai.messaging.rebuild;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.Predicate;

import com.mongodb.MongoNamespace;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.RenameCollectionOptions;
import com.mongodb.reactivestreams.client.MongoDatabase;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.bson.Document;
import org.shanhai.events.Event;
import org.shanhai.messaging.consumer.EventReader;
import org.shanhai.messaging.consumer.IncomingEvent;
import org.shanhai.messaging.consumer.PoisonEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.messaging.support.MessageBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Rebuilds a service's views from its topics, from the beginning, and switches reads over in one
 * step per collection. For a view that an event never reached (a dead letter replayed after later
 * events of its aggregate was dropped as stale) or that is damaged. Steps:
 * <ol>
 *   <li>the consumer's bindings on this instance stop, and the rebuild goes on only when the group
 *       then has no member: another instance consuming meanwhile would apply events to the old
 *       views that the new ones never get (stop those first);</li>
 *   <li>every event of the topics, up to their ends, is folded with the consumer's own fold into
 *       fresh collections ({@code <collection>_rebuild}), each aggregate's events in the order of
 *       their sequence, and the fresh collections get the live ones' indexes;</li>
 *   <li>each fresh collection replaces its live one by an atomic rename, so reads never see a gap:
 *       the old views until the rename, the rebuilt ones after;</li>
 *   <li>the bindings start again from their committed offsets; what they see again is applied once
 *       (the views keep each aggregate's sequence). The answer waits until the group is stable again:
 *       consumers stopped halfway through joining leave a member the coordinator waits for, up to the
 *       session timeout (45 s), before anyone in the group consumes again, so a comparison followed
 *       at once by a rebuild would otherwise stall the consumers for that long.</li>
 * </ol>
 * Whatever fails, the fresh collections are dropped and the bindings started again.
 */
public final class ProjectionRebuild {

  /** Another consumer reads the group's topics: the rebuild would miss what it applies meanwhile. */
  public static final class OtherConsumers extends RuntimeException {
    OtherConsumers(String message) {
      super(message);
    }
  }

  /**
   * @param events records read from the topics
   * @param applied events that changed a view
   * @param skipped records that are no event of ours, or poison
   * @param views documents in each rebuilt collection
   */
  public record Result(long events, long applied, long skipped, Map<String, Long> views, long millis) {
  }

  static final String SUFFIX = "_rebuild";
  private static final Logger log = LoggerFactory.getLogger(ProjectionRebuild.class);
  private static final Duration WAIT = Duration.ofSeconds(30);
  /** How long the group may take to lose this instance's members once its bindings stopped. */
  private static final Duration MEMBERS_LEAVE = Duration.ofSeconds(10);
  /** How long the group may take to be stable again once the bindings started: past a session timeout. */
  private static final Duration MEMBERS_RETURN = Duration.ofSeconds(60);
  private static final int AGGREGATES_AT_ONCE = 8;

  private final ViewsPlan plan;
  private final MongoDatabase database;
  private final EventReader reader;
  private final BindingsLifecycleController bindings;
  private final Map<String, Object> consumerProperties;
  private final Map<String, Object> adminProperties;
  private final AtomicBoolean running = new AtomicBoolean();

  public ProjectionRebuild(ViewsPlan plan, MongoDatabase database, EventReader reader,
      BindingsLifecycleController bindings, Map<String, Object> consumerProperties, Map<String, Object> adminProperties) {
    this.plan = plan;
    this.database = database;
    this.reader = reader;
    this.bindings = bindings;
    this.consumerProperties = consumerProperties;
    this.adminProperties = adminProperties;
  }

  public ViewsPlan plan() {
    return plan;
  }

  /**
   * What {@link #compare} found: the documents of each view that differ between the live collection
   * and a fold of the topics (missing on either side, or not equal), with a few of them shown.
   */
  public record Comparison(long events, Map<String, Long> divergent, List<String> examples, long millis) {
  }

  static final String COMPARE_SUFFIX = "_compare";
  private static final int EXAMPLES = 5;

  /** Rebuilds the views; one rebuild (or comparison) at a time (IllegalStateException while one runs). */
  public Result rebuild() {
    return withConsumersPaused(SUFFIX, started -> {
      long[] counts = fold(plan.foldInto().apply(SUFFIX));
      Map<String, Long> views = new LinkedHashMap<>();
      for (String collection : plan.collections()) {
        copyIndexes(collection);
        views.put(collection, Mono.from(database.getCollection(collection + SUFFIX).countDocuments()).block(WAIT));
      }
      for (String collection : plan.collections()) {
        Mono.from(database.getCollection(collection + SUFFIX).renameCollection(
            new MongoNamespace(database.getName(), collection), new RenameCollectionOptions().dropTarget(true)))
            .block(WAIT);
      }
      Result result = new Result(counts[0], counts[1], counts[2], views,
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
      log.info("views {} of group {} rebuilt from {}: {}", plan.collections(), plan.group(), plan.topics(), result);
      return result;
    });
  }

  /**
   * Folds the topics into scratch collections as {@link #rebuild} does and compares them with the
   * live views, changing nothing: whether the views are what their topics say. Meaningful once the
   * consumers have caught up with the topics (a view behind its topic differs by what it has yet to apply).
   */
  public Comparison compare() {
    return withConsumersPaused(COMPARE_SUFFIX, started -> {
      long[] counts = fold(plan.foldInto().apply(COMPARE_SUFFIX));
      Map<String, Long> divergent = new LinkedHashMap<>();
      List<String> examples = new ArrayList<>();
      for (String collection : plan.collections()) {
        divergent.put(collection, differences(collection, examples));
      }
      dropScratch(COMPARE_SUFFIX);
      Comparison comparison = new Comparison(counts[0], divergent, List.copyOf(examples),
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
      log.info("views {} of group {} compared with {}: {}", plan.collections(), plan.group(), plan.topics(),
          comparison);
      return comparison;
    });
  }

  /**
   * Runs {@code work} with this instance's consumers of the views stopped and no other member in the
   * group, in fresh {@code <collection><suffix>} collections; whatever fails, they are dropped, and
   * the consumers start again.
   */
  private <T> T withConsumersPaused(String suffix, LongFunction<T> work) {
    if (!running.compareAndSet(false, true)) {
      throw new IllegalStateException("a rebuild or comparison of these views is already running");
    }
    long started = System.nanoTime();
    try (Admin admin = Admin.create(adminProperties)) {
      plan.bindings().forEach(bindings::stop);
      boolean alone = false;
      try {
        awaitNoOtherConsumers(admin);
        alone = true;
        dropScratch(suffix);
        // Made even when no event folds into it: an empty rebuilt view replaces its live one too.
        for (String collection : plan.collections()) {
          Mono.from(database.createCollection(collection + suffix)).block(WAIT);
        }
        return work.apply(started);
      } catch (RuntimeException e) {
        dropScratch(suffix);
        throw e;
      } finally {
        plan.bindings().forEach(bindings::start);
        // With other members (refused) the group is theirs to settle: they rejoin as they poll.
        if (alone) {
          awaitStableGroup(admin);
        }
      }
    } finally {
      running.set(false);
    }
  }

  /** How many documents differ between {@code collection} and its fold; some described in {@code examples}. */
  private long differences(String collection, List<String> examples) {
    Map<Object, Document> live = Flux.from(database.getCollection(collection).find())
        .collectMap(d -> d.get("_id")).block(WAIT);
    Map<Object, Document> folded = Flux.from(database.getCollection(collection + COMPARE_SUFFIX).find())
        .collectMap(d -> d.get("_id")).block(WAIT);
    Set<Object> ids = new TreeSet<>(Comparator.comparing(String::valueOf));
    ids.addAll(live.keySet());
    ids.addAll(folded.keySet());
    long differing = 0;
    for (Object id : ids) {
      Document a = live.get(id);
      Document b = folded.get(id);
      if (a == null || !a.equals(b)) {
        differing++;
        if (examples.size() < EXAMPLES) {
          examples.add(collection + " " + id + ": live " + (a == null ? "missing" : a.toJson())
              + ", folded " + (b == null ? "missing" : b.toJson()));
        }
      }
    }
    return differing;
  }

  /** Waits for the group to have no member once this instance's bindings stopped; refuses when others remain. */
  private void awaitNoOtherConsumers(Admin admin) {
    ConsumerGroupDescription group = awaitGroup(admin, MEMBERS_LEAVE, g -> g == null || g.members().isEmpty());
    if (group != null && !group.members().isEmpty()) {
      throw new OtherConsumers("group " + plan.group() + " still has " + group.members().size()
          + " member(s) consuming (" + group.members().stream().map(m -> m.host() + " " + m.clientId()).toList()
          + "): stop the consumers of the service's other instances (POST /actuator/bindings/<name> "
          + "{\"state\":\"STOPPED\"}, or scale to one) and rebuild again");
    }
  }

  /**
   * Waits for the group, its bindings started, to have members and be stable, so that the consumers
   * consume again when the answer comes and a next rebuild never stops them halfway through joining.
   * Past the wait they still join; the answer says nothing else, so it only logs.
   */
  private void awaitStableGroup(Admin admin) {
    try {
      ConsumerGroupDescription group = awaitGroup(admin, MEMBERS_RETURN,
          g -> g != null && g.groupState() == GroupState.STABLE && !g.members().isEmpty());
      if (group == null || group.groupState() != GroupState.STABLE) {
        log.warn("group {} not stable {} after its consumers started again: {}", plan.group(), MEMBERS_RETURN, group);
      }
    } catch (RuntimeException e) {
      log.warn("group {}: could not see its consumers start again: {}", plan.group(), e.toString());
    }
  }

  /** The group's description once {@code done} holds, or as it is when {@code within} is over. */
  private ConsumerGroupDescription awaitGroup(Admin admin, Duration within, Predicate<ConsumerGroupDescription> done) {
    try {
      long deadline = System.nanoTime() + within.toNanos();
      while (true) {
        ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(plan.group())).all()
            .get(WAIT.toSeconds(), TimeUnit.SECONDS).get(plan.group());
        if (done.test(group) || System.nanoTime() > deadline) {
          return group;
        }
        Thread.sleep(500);
      }
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Kafka does not say who consumes group " + plan.group() + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /**
   * Folds every event of the topics, from the beginning to their ends as they are now, each
   * aggregate's in the order of its sequence, not of the log: a dead letter replayed after later
   * events of its aggregate sits after them in the log, and folded there it would be stale again.
   * The events are held in memory while the topics are read (about half a kilobyte each); aggregates
   * are folded several at a time, each one's events one after another.
   */
  private long[] fold(Function<Event, Mono<Boolean>> into) {
    Map<String, TreeMap<Long, Event>> byAggregate = new LinkedHashMap<>();
    long[] read = read(byAggregate);
    Long applied = Flux.fromIterable(byAggregate.values())
        .flatMap(events -> Flux.fromIterable(events.values()).concatMap(into::apply)
            .filter(Boolean::booleanValue).count(), AGGREGATES_AT_ONCE)
        .reduce(0L, Long::sum)
        .block(Duration.ofHours(1));
    return new long[] {read[0], applied == null ? 0 : applied, read[1]};
  }

  /** Reads the topics up to their ends into {@code byAggregate}; the records read and those skipped. */
  private long[] read(Map<String, TreeMap<Long, Event>> byAggregate) {
    Map<String, Object> config = new HashMap<>(consumerProperties);
    config.remove(ConsumerConfig.GROUP_ID_CONFIG);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, plan.group() + "-rebuild");
    long events = 0;
    long skipped = 0;
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
        new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (String topic : plan.topics()) {
        consumer.partitionsFor(topic, WAIT).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = new HashMap<>(consumer.endOffsets(partitions, WAIT));
      while (ends.entrySet().stream().anyMatch(e -> consumer.position(e.getKey(), WAIT) < e.getValue())) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          if (record.offset() >= ends.get(new TopicPartition(record.topic(), record.partition()))) {
            continue;
          }
          events++;
          Optional<Event> event = read(record);
          if (event.isEmpty()) {
            skipped++;
          } else {
            // A duplicate of a sequence is the same event published twice: the first is kept.
            byAggregate.computeIfAbsent(event.get().aggregateId(), a -> new TreeMap<>())
                .putIfAbsent(event.get().sequence(), event.get());
          }
        }
      }
    }
    return new long[] {events, skipped};
  }

  private Optional<Event> read(ConsumerRecord<byte[], byte[]> record) {
    MessageBuilder<byte[]> message = MessageBuilder.withPayload(record.value() == null ? new byte[0] : record.value());
    record.headers().forEach(h -> message.setHeader(h.key(), h.value()));
    try {
      return reader.read(message.build()).map(IncomingEvent::event);
    } catch (PoisonEvent poison) {
      return Optional.empty();
    }
  }

  /** The live collection's indexes on the fresh one, so the views are found as fast once switched. */
  private void copyIndexes(String collection) {
    Flux.from(database.getCollection(collection).listIndexes())
        .filter(index -> !"_id_".equals(index.getString("name")))
        .concatMap(index -> {
          IndexOptions options = new IndexOptions().name(index.getString("name"))
              .unique(Boolean.TRUE.equals(index.getBoolean("unique"))).sparse(Boolean.TRUE.equals(index.getBoolean("sparse")));
          return Mono.from(database.getCollection(collection + SUFFIX).createIndex(index.get("key", Document.class),
              options));
        })
        .then().block(WAIT);
  }

  private void dropScratch(String suffix) {
    for (String collection : plan.collections()) {
      try {
        Mono.from(database.getCollection(collection + suffix).drop()).block(WAIT);
      } catch (RuntimeException e) {
        log.warn("could not drop {}{}: {}", collection, suffix, e.toString());
      }
    }
  }
}
