package org.shanhai.localstack;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The services' APIs as the demo loader uses them, signed in as its own client (the realm's
 * {@code shanhai-demo-loader}, whose changes are recorded as by
 * {@code service-account-shanhai-demo-loader}): every write carries the fixture's id as its
 * Idempotency-Key, so a second load replays instead of creating; counts what was created, what was
 * there already, and what was skipped, by reason.
 */
final class DemoApi {

  static final ObjectMapper JSON = new ObjectMapper();

  /** How long the payouts service may take to learn the demo projects from Kafka. */
  private static final Duration PROJECTION_WAIT = Duration.ofSeconds(90);

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final Tokens tokens;
  private final PrintStream out;
  private final Map<String, Integer> skipped = new TreeMap<>();
  private int created;
  private int alreadyThere;

  DemoApi(Tokens tokens, PrintStream out) {
    this.tokens = tokens;
    this.out = out;
  }

  DemoData.Summary summary() {
    return new DemoData.Summary(created, alreadyThere, Map.copyOf(skipped));
  }

  void skip(String reason) {
    skipped.merge(reason, 1, Integer::sum);
  }

  void alreadyThere() {
    alreadyThere++;
  }

  /** POSTs with the fixture id as Idempotency-Key; the created (or replayed) resource's id, empty when refused. */
  Optional<String> post(String base, String path, String fixtureId, Map<String, Object> body)
      throws IOException, InterruptedException {
    return post(base, path, fixtureId, body, 0);
  }

  /** As {@link #post}, passing over silently an answer of {@code expected} (e.g. 409 for what an officer made first). */
  Optional<String> post(String base, String path, String fixtureId, Map<String, Object> body, int expected)
      throws IOException, InterruptedException {
    return accepted(fixtureId, send(base, path, fixtureId, body), expected);
  }

  /**
   * POSTs to the payouts service, retrying while it answers that a project or county is unknown:
   * it learns them from Kafka, a moment after the projects service registered them.
   */
  Optional<String> postEventually(String base, String path, String fixtureId, Map<String, Object> body)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + PROJECTION_WAIT.toNanos();
    while (true) {
      HttpResponse<String> response = send(base, path, fixtureId, body);
      boolean notYetKnown = response.statusCode() == 422 && (response.body().contains("\"code\":\"unknown\"")
          || response.body().contains("not-a-mountain-county"));
      if (!notYetKnown || System.nanoTime() > deadline) {
        return accepted(fixtureId, response, 0);
      }
      Thread.sleep(500);
    }
  }

  JsonNode get(String base, String path) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Authorization", tokens.demoLoader()).timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(response.body());
  }

  private HttpResponse<String> send(String base, String path, String fixtureId, Map<String, Object> body)
      throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/json")
        .header("Authorization", tokens.demoLoader())
        .header("Idempotency-Key", "demo:" + fixtureId)
        .timeout(Duration.ofSeconds(30))
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
        .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private Optional<String> accepted(String fixtureId, HttpResponse<String> response, int expected)
      throws IOException {
    if (response.statusCode() == expected) {
      return Optional.empty();
    }
    if (response.statusCode() != 201) {
      out.println("  ! " + fixtureId + " not loaded (" + response.statusCode() + "): " + response.body());
      skip("refused by a service");
      return Optional.empty();
    }
    if (response.headers().firstValue("Idempotent-Replayed").map(Boolean::parseBoolean).orElse(false)) {
      alreadyThere++;
    } else {
      created++;
    }
    return Optional.of(JSON.readTree(response.body()).path("id").asText());
  }
}
