package org.shanhai.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

import com.mongodb.reactivestreams.client.MongoDatabase;
import org.bson.Document;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

/**
 * A refused request leaves no trace: it is answered as problem+json, every document of the
 * service's collections is as it was, and nothing is published. "Nothing published" is checked
 * against the real topic: after the request a valid marker write is made, and once its event
 * arrives nothing else may have (so a late event of the refused request cannot slip by unseen).
 * Without a marker (a service whose writes publish nothing by themselves), the outboxes must be
 * empty and the topic as long as it was.
 */
public final class NoTrace {

  private final MongoDatabase database;
  private final TopicReader topic;
  private final String[] collections;
  private final String markerKey;
  private final Runnable markerWrite;

  /**
   * @param collections the service's collections with outboxes, whose documents must stay as they were
   * @param markerKey the key of the marker's event, and the id of the one document the marker changes
   * @param markerWrite a valid write that publishes exactly one event
   */
  public NoTrace(MongoDatabase database, TopicReader topic, List<String> collections, String markerKey,
      Runnable markerWrite) {
    this.database = database;
    this.topic = topic;
    this.collections = collections.toArray(String[]::new);
    this.markerKey = markerKey;
    this.markerWrite = markerWrite;
  }

  /** Without a marker: see the class comment. */
  public NoTrace(MongoDatabase database, TopicReader topic, List<String> collections) {
    this(database, topic, collections, null, null);
  }

  /** The request is answered with {@code status} as problem+json naming {@code fields}, and leaves no trace. */
  public WebTestClient.BodyContentSpec refused(Supplier<WebTestClient.ResponseSpec> request, int status,
      String... fields) {
    return leavesNone(() -> {
      WebTestClient.BodyContentSpec body = request.get().expectStatus().isEqualTo(status)
          .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .expectBody()
          .jsonPath("$.status").isEqualTo(status)
          .jsonPath("$.title").isNotEmpty()
          .jsonPath("$.detail").isNotEmpty();
      if (fields.length > 0) {
        body.jsonPath("$.errors[*].field").value(found ->
            assertThat(((List<?>) found).stream().map(String::valueOf).toList()).contains(fields));
      }
      return body;
    });
  }

  /**
   * The request is answered with one of {@code statuses} as problem+json whose status is that one,
   * and leaves no trace.
   */
  public void refusedWithAnyOf(Supplier<WebTestClient.ResponseSpec> request, Set<Integer> statuses) {
    leavesNone(() -> {
      WebTestClient.ResponseSpec answer = request.get();
      int[] status = new int[1];
      answer.expectStatus().value(s -> {
        status[0] = s;
        assertThat(statuses).as("the status").contains(s);
      });
      return answer.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .expectBody()
          .jsonPath("$.status").value(s -> assertThat(((Number) s).intValue()).isEqualTo(status[0]))
          .jsonPath("$.title").isNotEmpty()
          .jsonPath("$.detail").isNotEmpty();
    });
  }

  /**
   * Whatever {@code request} is answered (its own checks say), it stores and publishes nothing: a
   * refused request, or one that only checks (a dry run).
   */
  public <T> T leavesNone(Supplier<T> request) {
    int receivedBefore = Outboxes.awaitQuiet(database, topic, collections);
    Map<String, Document> before = documents();

    T answer = request.get();

    if (markerWrite == null) {
      assertThat(Outboxes.awaitQuiet(database, topic, collections)).as("events published").isEqualTo(receivedBefore);
    } else {
      markerWrite.run();
      int receivedAfter = Outboxes.awaitQuiet(database, topic, collections);
      assertThat(topic.drainFor(Duration.ZERO).subList(receivedBefore, receivedAfter))
          .as("only the marker's event is published after the request").hasSize(1)
          .allMatch(r -> markerKey.equals(r.key()));
    }
    assertThat(documents()).as("the documents of %s besides the marker's", List.of(collections)).isEqualTo(before);
    return answer;
  }

  /** 401 with the bearer challenge of RFC 6750, and no trace. */
  public void unauthenticated(Supplier<WebTestClient.ResponseSpec> request, String challenge) {
    refused(() -> request.get().expectHeader().value(HttpHeaders.WWW_AUTHENTICATE,
        value -> assertThat(value).startsWith(challenge)), 401);
  }

  /**
   * Every document but the marker's (or one of the marker's: an archived update names its project),
   * without what is moved out of documents in the background (a drained outbox and its lease, an
   * update's way into the history), by collection and id.
   */
  private Map<String, Document> documents() {
    return Flux.just(collections)
        .flatMap(c -> Flux.from(database.getCollection(c).find()).map(d -> Map.entry(c + "/" + d.get("_id"), d)))
        .filter(e -> markerKey == null || !(e.getKey().endsWith("/" + markerKey)
            || markerKey.equals(e.getValue().get("projectId"))))
        .doOnNext(e -> {
          Outboxes.MOVED_OUT.forEach(e.getValue()::remove);
          e.getValue().remove("outboxLease");
        })
        .collectMap(Map.Entry::getKey, Map.Entry::getValue, TreeMap::new)
        .block();
  }
}
