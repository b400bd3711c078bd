package org.shanhai.embedded;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
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

  @Test
  void findsEveryClauseOfAnOrByItsIndexAsAScanWould() {
    withUpdates(
        new Document("_id", "u1").append("projectId", "p").append("n", 1),
        new Document("_id", "u2").append("projectId", "q").append("n", 1),
        new Document("_id", "u3").append("projectId", "p").append("n", 2),
        new Document("_id", "u4").append("projectId", List.of("q", "r")).append("n", 2),
        new Document("_id", "u5").append("projectId", "r").append("n", 3));

    Bson stretches = or(and(eq("projectId", "p"), gt("n", 1)), and(eq("projectId", "q"), gt("n", 0)));
    assertThat(ids(stretches)).containsExactly("u2", "u3", "u4");
    assertThat(Flux.from(documents.find(stretches).sort(Sorts.descending("n"))).map(d -> d.getString("_id"))
        .collectList().block(WAIT)).containsExactly("u3", "u4", "u2");
    assertThat(ids(and(gt("n", 1), or(eq("projectId", "r"), eq("_id", "u1"))))).containsExactly("u4", "u5");
    // A clause no index narrows: the whole collection is read, and the answer is still a scan's.
    assertThat(ids(or(eq("projectId", "p"), eq("n", 3)))).containsExactly("u1", "u3", "u5");
    assertThat(ids(or(eq("projectId", "none"), eq("_id", "zz")))).isEmpty();
  }

  @Test
  void findsByTheBoundsOnACompoundIndexsSecondFieldAsAScanWould() {
    withUpdates(
        new Document("_id", "v1").append("projectId", "p").append("n", 1),
        new Document("_id", "v2").append("projectId", "p").append("n", 2L),
        new Document("_id", "v3").append("projectId", "p").append("n", 3.5),
        new Document("_id", "v4").append("projectId", "p").append("n", List.of(0, 9)),
        new Document("_id", "v5").append("projectId", "p").append("n", "2"),
        new Document("_id", "v6").append("projectId", "p"),
        new Document("_id", "v7").append("projectId", "p").append("n", -0.0),
        new Document("_id", "v8").append("projectId", "q").append("n", 2));

    // An array meets each bound with any of its elements: v4's 9 is above 1 and its 0 is at most 3.
    assertThat(ids(and(eq("projectId", "p"), gt("n", 1), lte("n", 3)))).containsExactly("v2", "v4");
    assertThat(ids(and(eq("projectId", "p"), gte("n", 2), lt("n", 4)))).containsExactly("v2", "v3", "v4");
    assertThat(ids(and(eq("projectId", "p"), gt("n", 5)))).containsExactly("v4");
    assertThat(ids(and(eq("projectId", "p"), eq("n", 2)))).containsExactly("v2");
    assertThat(ids(and(eq("projectId", "p"), eq("n", 0)))).containsExactly("v4", "v7");
    assertThat(ids(and(eq("projectId", "p"), eq("n", "2")))).containsExactly("v5");
    assertThat(ids(and(eq("projectId", "p"), gt("n", 3), lt("n", 2)))).containsExactly("v4");
    assertThat(ids(and(eq("projectId", "p"), exists("n", false)))).containsExactly("v6");

    Mono.from(documents.updateOne(eq("_id", "v1"), Updates.set("n", 7))).block(WAIT);
    Mono.from(documents.deleteOne(eq("_id", "v2"))).block(WAIT);
    assertThat(ids(and(eq("projectId", "p"), gt("n", 1), lt("n", 8)))).containsExactly("v1", "v3", "v4");
    assertThat(ids(and(eq("projectId", "p"), lte("n", 2)))).containsExactly("v4", "v7");
  }

  /** The documents, in place of the others, with the archive's kind of index: a project's string, then a number. */
  private void withUpdates(Document... updates) {
    Mono.from(documents.drop()).block(WAIT);
    Mono.from(documents.createIndex(Indexes.compoundIndex(Indexes.ascending("projectId"), Indexes.descending("n"))))
        .block(WAIT);
    Mono.from(documents.insertMany(List.of(updates))).block(WAIT);
  }

  private List<String> ids(Bson filter) {
    return Flux.from(documents.find(filter)).map(d -> d.getString("_id")).collectList().block(WAIT);
  }
}
