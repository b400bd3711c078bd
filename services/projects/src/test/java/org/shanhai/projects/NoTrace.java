package org.shanhai.projects;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import com.mongodb.reactivestreams.client.MongoDatabase;
import org.bson.Document;
import org.shanhai.testkit.Outboxes;
import org.shanhai.testkit.TopicReader;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

/**
 * A refused request leaves no trace: it is answered as problem+json, nothing is stored, and nothing
 * is published. "Nothing published" is checked against the real topic: after the request a valid
 * marker update is posted, and once its event arrives nothing else may have.
 */
final class NoTrace {

  private final MongoDatabase database;
  private final TopicReader topic;
  private final Officer officer;
  private final String marker;

  NoTrace(MongoDatabase database, TopicReader topic, Officer officer, String marker) {
    this.database = database;
    this.topic = topic;
    this.officer = officer;
    this.marker = marker;
  }

  /** The request is answered with {@code status} as problem+json naming {@code fields}, and leaves no trace. */
  WebTestClient.BodyContentSpec refused(Supplier<WebTestClient.ResponseSpec> request, int status, String... fields) {
    int receivedBefore = Outboxes.awaitQuiet(database, topic, "pairings", "projects");
    long documentsBefore = documents();
    long updatesBefore = updates();

    WebTestClient.BodyContentSpec body = request.get().expectStatus().isEqualTo(status)
        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.status").isEqualTo(status)
        .jsonPath("$.title").isNotEmpty()
        .jsonPath("$.detail").isNotEmpty();
    if (fields.length > 0) {
      body.jsonPath("$.errors[*].field").value(found -> assertThat(toStrings(found)).contains(fields));
    }

    officer.update(marker, "{\"reportDate\":\"2021-06-30\"}", null).expectStatus().isCreated();
    int receivedAfter = Outboxes.awaitQuiet(database, topic, "pairings", "projects");
    List<TopicReader.Received> after = topic.drainFor(Duration.ZERO);
    assertThat(after.subList(receivedBefore, receivedAfter))
        .as("only the marker's event is published after a refused request").hasSize(1)
        .allMatch(r -> marker.equals(r.key()));
    assertThat(documents()).as("documents stored").isEqualTo(documentsBefore);
    assertThat(updates()).as("updates stored (the marker's only)").isEqualTo(updatesBefore + 1);
    return body;
  }

  /** 401 with the bearer challenge of RFC 6750, and no trace. */
  void unauthenticated(Supplier<WebTestClient.ResponseSpec> request, String challenge) {
    refused(() -> request.get().expectHeader().value(HttpHeaders.WWW_AUTHENTICATE,
        value -> assertThat(value).startsWith(challenge)), 401);
  }

  private static List<String> toStrings(Object found) {
    return ((List<?>) found).stream().map(String::valueOf).toList();
  }

  private long documents() {
    return Flux.just("pairings", "projects")
        .flatMap(c -> database.getCollection(c).countDocuments())
        .reduce(0L, Long::sum).block();
  }

  private long updates() {
    return Flux.from(database.getCollection("projects").find())
        .map(d -> (long) d.getList("updates", Document.class).size())
        .reduce(0L, Long::sum).block();
  }
}
