package org.shanhai.embedded;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.or;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The in-memory server over TCP, through the official driver: queries that an index narrows (a pinned
 * {@code _id}, a secondary index's first field pinned to a string) answer exactly as a scan would.
 */
class MongoWireServerTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static MongoWireServer server;
  private static MongoClient client;
  private MongoCollection<Document> documents;

  @BeforeAll
  static void start() {
    server = MongoWireServer.inMemory(Ports.free()).start();
    client = MongoClients.create(server.connectionString());
  }

  @AfterAll
  static void stop() {
    client.close();
    server.close();
  }

  @BeforeEach
  void fill() {
    documents = client.getDatabase("test").getCollection("documents");
    Mono.from(documents.drop()).block(WAIT);
    Mono.from(documents.insertMany(List.of(
        new Document("_id", "a").append("sequence", 1).append("outbox", List.of(new Document("id", "e1"))),
        new Document("_id", "b").append("sequence", 2).append("outbox", List.of()),
        new Document("_id", "c").append("sequence", 3).append("outbox", List.of(new Document("id", "e3"))))))
        .block(WAIT);
  }

  @Test
  void findsByIdTogetherWithOtherConditions() {
    assertThat(ids(and(eq("_id", "b"), eq("sequence", 2)))).containsExactly("b");
    assertThat(ids(and(eq("_id", "b"), eq("sequence", 3)))).isEmpty();
    assertThat(ids(and(eq("_id", "zz"), eq("sequence", 2)))).isEmpty();
    assertThat(ids(and(in("_id", List.of("a", "b", "c")), exists("outbox.0")))).containsExactlyInAnyOrder("a", "c");
    assertThat(ids(and(in("_id", List.of("a", "b")), or(eq("sequence", 2), eq("sequence", 3))))).containsExactly("b");
    assertThat(ids(new Document("$and", List.of(new Document("$and", List.of(new Document("_id", "c"))),
        new Document("sequence", 3))))).containsExactly("c");
  }

  @Test
  void conditionsOnIdThatNoIndexAnswersStillScan() {
    assertThat(ids(and(gt("_id", "a"), eq("sequence", 3)))).containsExactly("c");
    assertThat(ids(or(eq("_id", "a"), eq("sequence", 3)))).containsExactlyInAnyOrder("a", "c");
    assertThat(Flux.from(documents.find(and(in("_id", List.of("a", "b", "c")), gt("sequence", 0)))
            .sort(Sorts.descending("$natural")))
        .map(d -> d.getString("_id")).collectList().block(WAIT)).containsExactly("c", "b", "a");
  }

  @Test
  void guardedWritesChangeOnlyWhatTheyMatch() {
    assertThat(Mono.from(documents.updateOne(and(eq("_id", "b"), eq("sequence", 1)), Updates.set("sequence", 9)))
        .block(WAIT).getMatchedCount()).isZero();
    assertThat(Mono.from(documents.updateOne(and(eq("_id", "b"), eq("sequence", 2)), Updates.set("sequence", 9)))
        .block(WAIT).getModifiedCount()).isOne();
    assertThat(Mono.from(documents.updateMany(and(in("_id", List.of("a", "b")), exists("outbox.0")),
        Updates.set("lease", "x"))).block(WAIT).getModifiedCount()).isOne();
    assertThat(Mono.from(documents.deleteOne(and(eq("_id", "c"), eq("sequence", 2)))).block(WAIT).getDeletedCount())
        .isZero();
    assertThat(ids(exists("_id"))).containsExactlyInAnyOrder("a", "b", "c");
    assertThat(ids(eq("sequence", 9))).containsExactly("b");
    assertThat(ids(eq("lease", "x"))).containsExactly("a");
  }

  @Test
  void findsBySecondaryIndexAsAScanWould() {
    Mono.from(documents.createIndex(Indexes.compoundIndex(Indexes.ascending("fingerprint"), Indexes.descending("n"))))
        .block(WAIT);
    Mono.from(documents.createIndex(Indexes.ascending("subject.county"))).block(WAIT);
    Mono.from(documents.insertMany(List.of(
        new Document("_id", "f1").append("fingerprint", "x").append("n", 1).append("subject", new Document("county", "A")),
        new Document("_id", "f2").append("fingerprint", "x").append("n", 2).append("subject", new Document("county", "B")),
        new Document("_id", "f3").append("fingerprint", "y").append("n", 1)
            .append("subject", List.of(new Document("county", "A"))),
        new Document("_id", "f4").append("fingerprint", List.of("x", "z")).append("n", 3),
        new Document("_id", "f5").append("fingerprint", 7).append("n", 4))))
        .block(WAIT);

    assertThat(ids(eq("fingerprint", "x"))).containsExactly("f1", "f2", "f4");
    assertThat(ids(and(eq("fingerprint", "x"), eq("n", 2)))).containsExactly("f2");
    assertThat(Flux.from(documents.find(eq("fingerprint", "x")).sort(Sorts.descending("n")).limit(1))
        .map(d -> d.getString("_id")).collectList().block(WAIT)).containsExactly("f4");
    assertThat(ids(eq("fingerprint", 7))).containsExactly("f5");
    assertThat(ids(eq("fingerprint", "none"))).containsExactly();
    assertThat(ids(eq("subject.county", "A"))).containsExactly("f1", "f3");

    Mono.from(documents.updateOne(eq("_id", "f1"), Updates.set("fingerprint", "y"))).block(WAIT);
    Mono.from(documents.deleteOne(eq("_id", "f2"))).block(WAIT);
    Mono.from(documents.insertOne(new Document("_id", "f6").append("fingerprint", "x").append("n", 5))).block(WAIT);
    assertThat(ids(eq("fingerprint", "x"))).containsExactlyInAnyOrder("f4", "f6");
    assertThat(ids(eq("fingerprint", "y"))).containsExactlyInAnyOrder("f1", "f3");
    assertThat(Mono.from(documents.deleteMany(eq("fingerprint", "y"))).block(WAIT).getDeletedCount()).isEqualTo(2);
    assertThat(ids(eq("fingerprint", "y"))).isEmpty();
    assertThat(ids(eq("subject.county", "A"))).isEmpty();
  }

  private List<String> ids(Bson filter) {
    return Flux.from(documents.find(filter)).map(d -> d.getString("_id")).collectList().block(WAIT);
  }
}
