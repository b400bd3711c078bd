package org.shanhai.messaging.schedule;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import org.bson.Document;
import org.shanhai.messaging.mongo.Values;
import reactor.core.publisher.Mono;

/**
 * Whose turn it is to run a scheduled job, when a service runs as several instances: the job's
 * turn is a document in the collection {@code turns} that one instance holds until a moment, and
 * keeps by taking it again before then. A job whose result is per-service rather than per-instance
 * (the programme figures: summed over instances they would count twice; a clock round: done twice
 * it is only wasted) runs on the holder alone. An instance that shuts down gives its turns back, so
 * the next to ask takes them at once; one that dies holds them until they lapse.
 */
public final class Turns implements AutoCloseable {

  static final String COLLECTION = "turns";
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final MongoCollection<Document> turns;
  private final Clock clock;
  private final String instance;

  /** @param instance this instance's name, different in every process (and in every instance a test makes) */
  public Turns(MongoCollection<Document> turns, Clock clock, String instance) {
    this.turns = turns;
    this.clock = clock;
    this.instance = instance;
  }

  /** A name for this process: the JVM's pid and host, and something random so a restarted one is another. */
  public static String thisInstance() {
    return ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
  }

  /**
   * Whether this instance holds the turn of {@code job} for {@code hold} from now: it takes it when
   * nobody holds it or the holder let it lapse, and keeps it when it is already its own. Blocking:
   * called from the scheduler's thread. False, too, when the database cannot say: nobody runs the job
   * until it can.
   */
  public boolean take(String job, Duration hold) {
    Instant now = clock.instant();
    try {
      Boolean held = Mono.from(turns.updateOne(
              and(eq("_id", job), or(eq("holder", instance), lt("until", Date.from(now)))),
              Updates.combine(Updates.set("holder", instance), Updates.set("until", Date.from(now.plus(hold)))),
              new UpdateOptions().upsert(true)))
          .map(result -> true)
          // Someone else holds it: the upsert collides with their document's id.
          .onErrorResume(Values::isDuplicateKey, e -> Mono.just(false))
          .block(WAIT);
      return Boolean.TRUE.equals(held);
    } catch (RuntimeException e) {
      return false;
    }
  }

  /**
   * {@link #take} for a job run every {@code interval}: the turn is held for two and a half rounds,
   * so the holder renews it every round, and when it stops another takes over soon after.
   */
  public boolean takeForRounds(String job, Duration interval) {
    return take(job, interval.multipliedBy(5).dividedBy(2));
  }

  public String instance() {
    return instance;
  }

  /** Gives back every turn this instance holds (on shutdown: Spring closes the bean). */
  @Override
  public void close() {
    try {
      Mono.from(turns.deleteMany(eq("holder", instance))).block(WAIT);
    } catch (RuntimeException e) {
      // The database is gone first: the turns lapse on their own.
    }
  }
}
