package org.shanhai.messaging.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

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

/** The idempotent fold of events into views, against the real wire server. */
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

  private MongoClient client;
  private MongoCollection<Document> collection;
  private Views<Seen> views;

  @BeforeEach
  void connect() {
    client = MongoClients.create(RealInfrastructure.mongoUri());
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
