package org.shanhai.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The chaos run's HTTP: writes as an officer's browser sends them (an answer, or none when the
 * connection is cut or the service is down), and reads for the checks, which page through whole
 * lists and wait out a service that is still coming back.
 */
final class ChaosHttp {

  /** What a write got: a status and body, or no answer at all ({@code status} 0). */
  record Answer(int status, JsonNode body) {

    static final Answer NONE = new Answer(0, null);

    boolean answered() {
      return status != 0;
    }
  }

  /** As long as the officers' console waits for a service before giving up on a request. */
  private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration READ_PATIENCE = Duration.ofSeconds(60);

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  /** POSTs {@code body} (JSON) with an Idempotency-Key; no answer is an answer too. */
  Answer post(String url, String bearer, String idempotencyKey, Object body) {
    try {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
          .header("Content-Type", "application/json").header("Authorization", bearer)
          .header("Idempotency-Key", idempotencyKey).timeout(WRITE_TIMEOUT)
          .POST(HttpRequest.BodyPublishers.ofString(DemoApi.JSON.writeValueAsString(body))).build(),
          HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body().isEmpty() ? DemoApi.JSON.nullNode()
          : DemoApi.JSON.readTree(response.body()));
    } catch (IOException e) {
      return Answer.NONE;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Answer.NONE;
    }
  }

  /** GETs JSON, retrying for a minute while the service does not answer 200. */
  JsonNode get(String url, String bearer) {
    return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", bearer).GET(), url);
  }

  /** POSTs to an operation without a body (not a write of the workload), retrying for a minute while it does not answer 200. */
  JsonNode call(String url, String bearer) {
    return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", bearer)
        .POST(HttpRequest.BodyPublishers.noBody()), url);
  }

  /** Every item of a paged list ({@code {"items":[…],"total":N}}), 200 at a time. */
  List<JsonNode> all(String url, String bearer) {
    List<JsonNode> items = new ArrayList<>();
    String separator = url.contains("?") ? "&" : "?";
    for (int page = 0; ; page++) {
      JsonNode answer = get(url + separator + "size=200&page=" + page, bearer);
      answer.path("items").forEach(items::add);
      if (answer.path("items").size() < 200) {
        return items;
      }
    }
  }

  private JsonNode send(HttpRequest.Builder request, String url) {
    long deadline = System.nanoTime() + READ_PATIENCE.toNanos();
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      try {
        HttpResponse<String> response = http.send(request.timeout(Duration.ofMinutes(5)).build(),
            HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          return DemoApi.JSON.readTree(response.body());
        }
        last = response.statusCode() + " " + response.body();
      } catch (IOException e) {
        last = e.toString();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      try {
        Thread.sleep(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw new IllegalStateException(url + " did not answer 200 within " + READ_PATIENCE + ": " + last);
  }
}
