package org.shanhai.security.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import com.mongodb.client.model.Indexes;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.shanhai.testkit.RealInfrastructure;
import org.shanhai.web.paging.PageRequest;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The audit trail keeps every answer when they come faster than the database takes them: its
 * batches wait for the database (backpressure) instead of overflowing and stopping the trail, which
 * a stream of answers under load once did ("Could not emit buffer due to lack of requests": every
 * answer after it dropped once the backlog filled).
 */
@ExtendWith(RealInfrastructure.class)
class AuditTrailIT {

  @Test
  void recordsEveryAnswerWhenBatchesFallDueFasterThanTheDatabaseWritesThem() throws Exception {
    try (MongoClient client = MongoClients.create(RealInfrastructure.mongoUri())) {
      MongoDatabase database = client.getDatabase("audit-" + UUID.randomUUID());
      // Batches due every millisecond: many more at once than the writer asks for while it writes.
      AuditTrail trail = new AuditTrail(database, Duration.ofMillis(1));
      int answers = 16_000;
      for (int i = 0; i < answers; i++) {
        Instant now = Instant.now();
        trail.record(new AuditEntry("refused-" + i, now, "viewer", "GET /api/v1/projects", null, 403, "refused",
            "forbidden", "not theirs", null, now));
        if (i % 50 == 0) {
          Thread.sleep(1);
        }
      }
      await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() ->
          Mono.from(database.getCollection(AuditTrail.COLLECTION).countDocuments()).block() == answers);
      trail.close();
      assertThat(Mono.from(database.getCollection(AuditTrail.COLLECTION).countDocuments()).block())
          .isEqualTo(answers);
    }
  }

  @Test
  void pagesThroughAnswersOfTheSameMillisecondInOneFixedOrder() {
    try (MongoClient client = MongoClients.create(RealInfrastructure.mongoUri())) {
      MongoDatabase database = client.getDatabase("audit-" + UUID.randomUUID());
      AuditTrail trail = new AuditTrail(database, Duration.ofMillis(1));
      // A trail from before the id broke ties: its indexes give way to the new ones, at the first start and after.
      Mono.from(database.getCollection(AuditTrail.COLLECTION).createIndex(Indexes.descending("at"))).block();
      trail.createIndexes().block();
      trail.createIndexes().block();
      assertThat(Flux.from(database.getCollection(AuditTrail.COLLECTION).listIndexes())
          .map(index -> index.getString("name")).collectList().block())
          .containsExactlyInAnyOrder("_id_", "at_-1__id_-1", "actor_1_at_-1__id_-1");
      Instant now = Instant.now();
      List<String> ids = IntStream.range(0, 250).mapToObj(i -> "req-%03d".formatted(i)).toList();
      Flux.fromIterable(ids).concatMap(id -> trail.begin(new AuditEntry(id, now, null, "POST /api/v1/projects",
          null, null, AuditEntry.PENDING, null, null, null, null))).blockLast();

      List<String> paged = Flux.range(0, 3)
          .concatMap(page -> trail.search(new AuditQuery(null, null, null, null), new PageRequest(page, 100)))
          .flatMapIterable(found -> found.items()).map(AuditEntry::requestId).collectList().block();

      // Newest first, and among equal times the later id first.
      List<String> expected = new ArrayList<>(ids);
      Collections.reverse(expected);
      assertThat(paged).containsExactlyElementsOf(expected);
      trail.close();
    }
  }
}
