package org.shanhai.messaging.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.shanhai.testkit.RealInfrastructure;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The idempotent fold of events into views, in a poll's work that read them ahead or not, against the
 * real wire server.
 */
@ExtendWith(RealInfrastructure.class)
class ViewsIT {

  /** A view that remembers every event folded into it, so a second application would show. */
  record Seen(String id, List<Long> events) {
  }

  private static final Views.Codec<Seen> CODEC = new Views.Codec<>() {
    @Override
    public Document encode(Seen view) {
      return new Document("events", view.events());
    }

    @Override
    public Seen decode(Document stored) {
      return new Seen(stored.getString("_id"), stored.getList("events", Long.class));
    }
  };

  /** The finds the client sent, to tell a fold that read from one that did not. */
  private final AtomicInteger finds = new AtomicInteger();
  private MongoClient client;
  private MongoCollection<Document> collection;
  private Views<Seen> views;

  @BeforeEach
  void connect() {
    client = MongoClients.create(MongoClientSettings.builder()
        .applyConnectionString(new ConnectionString(RealInfrastructure.mongoUri()))
        .addCommandListener(new CommandListener() {
          @Override
          public void commandStarted(CommandStartedEvent event) {
            if (event.getCommandName().equals("find")) {
              finds.incrementAndGet();
            }
          }
        }).build());
    collection = client.getDatabase("views-" + UUID.randomUUID()).getCollection("seen");
    views = new Views<>(collection, CODEC);
  }

  @AfterEach
  void close() {
    client.close();
  }

  @Test
  void foldsEachEventOnceAndIgnoresDuplicatesAndStaleOnes() {
    assertThat(apply("a", 1)).isTrue();
    assertThat(apply("a", 3)).isTrue();
    assertThat(apply("a", 3)).as("the same event again").isFalse();
    assertThat(apply("a", 2)).as("an older event after a newer one").isFalse();

    assertThat(views.find("a").block().events()).containsExactly(1L, 3L);
  }

  @Test
  void appliesAnEventOnceWhenConsumersRaceOnIt() {
    apply("b", 1);

    List<Boolean> outcomes = Flux.range(0, 8)
        .flatMap(i -> views.apply("b", 2, view -> new Seen("b", append(view, 2))), 8)
        .collectList().block(Duration.ofSeconds(30));

    assertThat(outcomes).containsOnlyOnce(true);
    assertThat(views.find("b").block().events()).containsExactly(1L, 2L);
  }

  @Test
  void givesTheViewAsItStandsAfterTheEvent() {
    Views.Folded<Seen> first = fold("c", 1);
    assertThat(first.changed()).isTrue();
    assertThat(first.view().events()).containsExactly(1L);

    Views.Folded<Seen> again = fold("c", 1);
    assertThat(again.changed()).as("the same event again").isFalse();
    assertThat(again.view().events()).as("the view as stored").containsExactly(1L);
  }

  @Test
  void writesNothingForAnEventThatLeavesTheViewAsItWas() {
    apply("d", 1);
    Document before = stored("d");

    Views.Folded<Seen> same = views.fold("d", 2, view -> view).block(Duration.ofSeconds(10));

    assertThat(same.changed()).isFalse();
    assertThat(same.view().events()).containsExactly(1L);
    assertThat(stored("d")).as("not written: the sequence stays that of the last change").isEqualTo(before);
    assertThat(apply("d", 3)).as("a later event that changes it").isTrue();
    assertThat(stored("d").get("sequence", Number.class).longValue()).isEqualTo(3);
  }

  @Test
  void aPollsFoldsStartFromTheViewsReadAheadAndReadNothingMore() {
    apply("e", 1);
    ReadAhead poll = new ReadAhead();
    inThe(poll, views.readAhead(List.of("e", "f")));
    finds.set(0);

    assertThat(inThe(poll, views.apply("e", 2, view -> new Seen("e", append(view, 2))))).isTrue();
    assertThat(inThe(poll, views.apply("e", 3, view -> new Seen("e", append(view, 3)))))
        .as("from what the event before wrote").isTrue();
    assertThat(inThe(poll, views.apply("f", 1, view -> new Seen("f", append(view, 1)))))
        .as("a view read ahead as absent").isTrue();
    assertThat(inThe(poll, views.apply("e", 3, view -> new Seen("e", append(view, 3)))))
        .as("the same event again").isFalse();

    assertThat(finds.get()).as("reads after the read-ahead").isZero();
    assertThat(views.find("e").block().events()).containsExactly(1L, 2L, 3L);
    assertThat(views.find("f").block().events()).containsExactly(1L);
  }

  @Test
  void aViewChangedSinceItWasReadAheadIsReadAgainAndEachEventFoldedOnce() {
    apply("g", 1);
    apply("h", 1);
    ReadAhead poll = new ReadAhead();
    inThe(poll, views.readAhead(List.of("g", "h")));
    apply("g", 2);
    apply("h", 2);

    assertThat(inThe(poll, views.apply("g", 2, view -> new Seen("g", append(view, 2)))))
        .as("folded meanwhile by another").isFalse();
    assertThat(inThe(poll, views.apply("h", 3, view -> new Seen("h", append(view, 3))))).isTrue();

    assertThat(views.find("g").block().events()).containsExactly(1L, 2L);
    assertThat(views.find("h").block().events()).containsExactly(1L, 2L, 3L);
  }

  @Test
  void outsideAPollNothingIsReadAhead() {
    finds.set(0);

    inThe(null, views.readAhead(List.of("i")));

    assertThat(finds.get()).isZero();
  }

  /** {@code work} as a poll's work with the read-ahead {@code poll}, or as other work when null. */
  private static <T> T inThe(ReadAhead poll, Mono<T> work) {
    return (poll == null ? work : work.contextWrite(poll.inContext())).block(Duration.ofSeconds(10));
  }

  private Document stored(String id) {
    return Mono.from(collection.find(new Document("_id", id)).first()).block(Duration.ofSeconds(10));
  }

  private Views.Folded<Seen> fold(String id, long sequence) {
    return views.fold(id, sequence, view -> new Seen(id, append(view, sequence))).block(Duration.ofSeconds(10));
  }

  private boolean apply(String id, long sequence) {
    return views.apply(id, sequence, view -> new Seen(id, append(view, sequence))).block(Duration.ofSeconds(10));
  }

  private static List<Long> append(Seen view, long sequence) {
    return view == null ? List.of(sequence)
        : java.util.stream.Stream.concat(view.events().stream(), java.util.stream.Stream.of(sequence)).toList();
  }
}
