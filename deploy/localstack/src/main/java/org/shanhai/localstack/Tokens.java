package org.shanhai.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Access tokens from the realm's token endpoint, for what acts on the local stack: the demo loader,
 * the console subscriber and the bench as the client {@code shanhai-demo-loader} (client
 * credentials), and {@code ./shanhai token} for a demo user (the direct grant of the public client
 * {@code shanhai-cli}). A token is reused until a minute before it expires.
 */
final class Tokens {

  static final String DEMO_LOADER = "shanhai-demo-loader";
  /** The realm file's default; SHANHAI_DEMO_LOADER_SECRET replaces it in both places. */
  static final String DEMO_LOADER_SECRET = "shanhai-demo-loader-secret";
  private static final String CLI = "shanhai-cli";
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final String tokenEndpoint;
  private String current;
  private Instant renewAt = Instant.MIN;
  private final Map<String, Held> users = new HashMap<>();

  Tokens(String tokenEndpoint) {
    this.tokenEndpoint = tokenEndpoint;
  }

  /** {@code Bearer …} for the demo loader's client, renewed when it is about to expire. */
  synchronized String demoLoader() throws IOException, InterruptedException {
    if (Instant.now().isAfter(renewAt)) {
      String secret = System.getenv().getOrDefault("SHANHAI_DEMO_LOADER_SECRET", DEMO_LOADER_SECRET);
      JsonNode answer = request(Map.of("grant_type", "client_credentials", "client_id", DEMO_LOADER,
          "client_secret", secret));
      current = answer.path("access_token").asText();
      renewAt = Instant.now().plusSeconds(Math.max(10, answer.path("expires_in").asLong(60) - 60));
    }
    return "Bearer " + current;
  }

  /** {@code Bearer …} for a user, reused until a minute before it expires (the chaos run's officers). */
  synchronized String bearer(String name, String password) throws IOException, InterruptedException {
    Held held = users.get(name);
    if (held == null || Instant.now().isAfter(held.renewAt())) {
      JsonNode answer = request(Map.of("grant_type", "password", "client_id", CLI, "username", name,
          "password", password));
      held = new Held("Bearer " + answer.path("access_token").asText(),
          Instant.now().plusSeconds(Math.max(10, answer.path("expires_in").asLong(60) - 60)));
      users.put(name, held);
    }
    return held.bearer();
  }

  private record Held(String bearer, Instant renewAt) {
  }

  /** An access token for a user by name and password. */
  String user(String name, String password) throws IOException, InterruptedException {
    return request(Map.of("grant_type", "password", "client_id", CLI, "username", name, "password", password))
        .path("access_token").asText();
  }

  private JsonNode request(Map<String, String> form) throws IOException, InterruptedException {
    String body = new LinkedHashMap<>(form).entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(tokenEndpoint))
        .header("Content-Type", "application/x-www-form-urlencoded").timeout(Duration.ofSeconds(30))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("the identity provider refused a token (" + response.statusCode() + "): "
          + response.body());
    }
    return DemoApi.JSON.readTree(response.body());
  }
}
