package org.shanhai.localstack;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

/**
 * The local stack's demo subscriber: a webhook receiver on loopback that checks each delivery's
 * Standard Webhooks signature and prints the alerts in the terminal, subscribed to every alert of
 * the alerts service. Its secret is kept in {@code .shanhai/}, so a restarted stack finds the same
 * subscription (created with an Idempotency-Key) and still verifies what it receives.
 */
final class TerminalSubscriber implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TOLERANCE = Duration.ofMinutes(5);

  private final HttpServer server;
  private final byte[] key;
  private final PrintStream out;

  private TerminalSubscriber(HttpServer server, byte[] key, PrintStream out) {
    this.server = server;
    this.key = key;
    this.out = out;
  }

  /** Starts the receiver on {@code port} and subscribes it at {@code alertsUrl}; returns the subscription's id. */
  static TerminalSubscriber start(int port, String alertsUrl, Tokens tokens, Path home, PrintStream out)
      throws IOException, InterruptedException {
    String secret = secret(home.resolve("demo-webhook-secret"));
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    TerminalSubscriber subscriber = new TerminalSubscriber(server,
        Base64.getDecoder().decode(secret.substring("whsec_".length())), out);
    server.createContext("/alerts", exchange -> {
      byte[] body = exchange.getRequestBody().readAllBytes();
      var h = exchange.getRequestHeaders();
      boolean valid = subscriber.verify(h.getFirst("webhook-id"), h.getFirst("webhook-timestamp"),
          h.getFirst("webhook-signature"), body);
      exchange.sendResponseHeaders(valid ? 204 : 401, -1);
      exchange.close();
      subscriber.print(h.getFirst("webhook-id"), body, valid);
    });
    server.start();
    String url = "http://127.0.0.1:" + port + "/alerts";
    subscriber.subscribe(alertsUrl, url, secret, port, tokens.demoLoader());
    out.println("  demo subscriber       " + url + "  (every alert, printed below as it arrives)");
    return subscriber;
  }

  private void subscribe(String alertsUrl, String url, String secret, int port, String authorization)
      throws IOException, InterruptedException {
    String body = JSON.writeValueAsString(Map.of("name", "console (./shanhai up)", "sendResolved", true,
        "groupWindow", "PT0S", "channel", Map.of("type", "WEBHOOK", "url", url, "secret", secret)));
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(alertsUrl + "/api/v1/subscriptions"))
        .header("Content-Type", "application/json").header("Authorization", authorization)
        .header("Idempotency-Key", "demo:console-subscriber:" + port).timeout(Duration.ofSeconds(30))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 201) {
      throw new IOException("the alerts service refused the demo subscription (" + response.statusCode() + "): "
          + response.body());
    }
  }

  /** Standard Webhooks verification: a v1 signature over id.timestamp.body, and a timestamp within five minutes. */
  boolean verify(String id, String timestamp, String signatures, byte[] body) {
    return verify(key, id, timestamp, signatures, body);
  }

  /** Whether {@code body} carries a valid Standard Webhooks signature by {@code key}, sent within the tolerance. */
  static boolean verify(byte[] key, String id, String timestamp, String signatures, byte[] body) {
    if (id == null || timestamp == null || signatures == null) {
      return false;
    }
    try {
      long seconds = Long.parseLong(timestamp);
      if (Duration.between(Instant.ofEpochSecond(seconds), Instant.now()).abs().compareTo(TOLERANCE) > 0) {
        return false;
      }
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
      byte[] expected = mac.doFinal(body);
      for (String signature : signatures.split(" ")) {
        if (signature.startsWith("v1,") && MessageDigest.isEqual(expected,
            Base64.getDecoder().decode(signature.substring(3)))) {
          return true;
        }
      }
      return false;
    } catch (GeneralSecurityException | IllegalArgumentException e) { // a number, a key or base64 that is not one
      return false;
    }
  }

  private void print(String id, byte[] body, boolean valid) {
    try {
      String at = LocalTime.now(ZoneId.of("Asia/Shanghai")).truncatedTo(ChronoUnit.SECONDS).toString();
      for (JsonNode n : JSON.readTree(body).path("data").path("notifications")) {
        JsonNode alert = n.path("event").path("alert");
        String what = n.path("eventType").asText().replace("shanhai.alert.", "").replace(".v1", "").toUpperCase();
        out.printf("  [alert %s] %-9s %-8s %-22s %s%n", at, what, alert.path("severity").asText(),
            alert.path("rule").asText(), alert.path("summary").asText());
      }
      out.printf("              webhook-id %s, signature %s%n", id, valid ? "verified" : "INVALID (answered 401)");
    } catch (IOException e) {
      out.println("  [alert] unreadable notification " + id + ": " + e.getMessage());
    }
  }

  /** The demo subscription's secret: made once, kept beside the data. */
  private static String secret(Path file) throws IOException {
    if (Files.exists(file)) {
      return Files.readString(file).strip();
    }
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    String secret = "whsec_" + Base64.getEncoder().encodeToString(key);
    Files.writeString(file, secret + "\n");
    return secret;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
