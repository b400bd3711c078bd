package org.shanhai.messaging.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.shanhai.testkit.MovableClock;
import org.shanhai.testkit.RealInfrastructure;

/** Two instances of a service asking for the same job's turn, over the real wire server. */
@ExtendWith(RealInfrastructure.class)
class TurnsIT {

  private static final Duration HOLD = Duration.ofMinutes(1);

  private MongoClient client;
  private MongoCollection<Document> turns;
  private final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T04:00:00Z"));

  @BeforeEach
  void connect() {
    client = MongoClients.create(RealInfrastructure.mongoUri());
    turns = client.getDatabase("turns-" + UUID.randomUUID()).getCollection(Turns.COLLECTION);
  }

  @AfterEach
  void close() {
    client.close();
  }

  @Test
  void oneInstanceHoldsAJobsTurnAndKeepsItUntilItLetsItLapseThenAnotherTakesIt() {
    Turns first = new Turns(turns, clock, "first");
    Turns second = new Turns(turns, clock, "second");

    assertThat(first.take("figures", HOLD)).isTrue();
    assertThat(second.take("figures", HOLD)).as("held by the first").isFalse();
    assertThat(second.take("clock", HOLD)).as("another job is another turn").isTrue();

    clock.move(Duration.ofSeconds(50));
    assertThat(first.take("figures", HOLD)).as("the holder renews it").isTrue();
    clock.move(Duration.ofSeconds(50));
    assertThat(second.take("figures", HOLD)).as("renewed 50 s ago for a minute").isFalse();

    // The first stops asking (it stopped): once its minute has passed the second takes over.
    clock.move(Duration.ofSeconds(11));
    assertThat(second.take("figures", HOLD)).isTrue();
    assertThat(first.take("figures", HOLD)).as("back, it finds the turn taken").isFalse();
  }

  @Test
  void anInstanceThatShutsDownGivesItsTurnsBackAtOnce() {
    Turns first = new Turns(turns, clock, "first");
    Turns second = new Turns(turns, clock, "second");
    assertThat(first.take("figures", HOLD)).isTrue();
    first.close();
    assertThat(second.take("figures", HOLD)).as("no need to wait for the minute to pass").isTrue();
  }

  @Test
  void withoutTheDatabaseNobodyHasTheTurn() {
    MongoClient unreachable = MongoClients.create(MongoClientSettings.builder()
        .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:1"))
        .applyToClusterSettings(c -> c.serverSelectionTimeout(300, TimeUnit.MILLISECONDS)).build());
    try {
      Turns cut = new Turns(unreachable.getDatabase("any").getCollection(Turns.COLLECTION), clock, "cut");
      assertThat(cut.take("figures", HOLD)).isFalse();
    } finally {
      unreachable.close();
    }
  }
}
