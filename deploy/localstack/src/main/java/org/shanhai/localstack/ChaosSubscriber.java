package org.shanhai.localstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The chaos run's webhook receiver: records every delivery it is sent (its webhook-id, whether its
 * signature holds, its notifications, and what it answered), and misbehaves when the fault schedule
 * says so: answers 500, answers only after the sender has given up (timeout), or holds the
 * connection without answering until the fault ends (hang).
 */
final class ChaosSubscriber implements AutoCloseable {

  enum Mode { ANSWER, FAIL, TIMEOUT, HANG }

  /** One notification of one delivery as received: the alert, its event type and the delivery's webhook-id. */
  record Received(String webhookId, String alertId, String eventType, String body, boolean signed, int answered) {

    boolean accepted() {
      return answered / 100 == 2;
    }
  }

  /** Longer than the alerts service's response timeout in the chaos run (2 s). */
  private static final Duration LATE = Duration.ofSeconds(3);
  private static final Duration MAX_HANG = Duration.ofSeconds(30);

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "chaos-subscriber");
    t.setDaemon(true);
    return t;
  });
  private final byte[] key;
  private final String secret;
  private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
  private volatile Mode mode = Mode.ANSWER;

  ChaosSubscriber() throws IOException {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    this.key = bytes;
    this.secret = "whsec_" + Base64.getEncoder().encodeToString(bytes);
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
    server.setExecutor(threads);
    server.createContext("/hook", this::handle);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  String secret() {
    return secret;
  }

  void mode(Mode mode) {
    this.mode = mode;
  }

  List<Received> received() {
    return List.copyOf(received);
  }

  private void handle(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    var headers = exchange.getRequestHeaders();
    String id = headers.getFirst("webhook-id");
    boolean signed = TerminalSubscriber.verify(key, id, headers.getFirst("webhook-timestamp"),
        headers.getFirst("webhook-signature"), body);
    Mode now = mode;
    int status = switch (now) {
      case FAIL -> 500;
      case HANG -> 0;
      default -> 204;
    };
    if (now == Mode.TIMEOUT) {
      pause(LATE);
    } else if (now == Mode.HANG) {
      long until = System.nanoTime() + MAX_HANG.toNanos();
      while (mode == Mode.HANG && System.nanoTime() < until) {
        pause(Duration.ofMillis(100));
      }
    }
    record(id, body, signed, status);
    if (status == 0) {
      exchange.close();
    } else {
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
    }
  }

  private void record(String id, byte[] body, boolean signed, int status) {
    try {
      String text = new String(body, StandardCharsets.UTF_8);
      for (JsonNode n : DemoApi.JSON.readTree(body).path("data").path("notifications")) {
        received.add(new Received(id, n.path("event").path("alert").path("alertId").asText(),
            n.path("eventType").asText(), text, signed, status));
      }
    } catch (IOException e) {
      received.add(new Received(id, "", "unreadable", e.getMessage(), signed, status));
    }
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    mode = Mode.ANSWER;
    server.stop(0);
    threads.shutdownNow();
  }
}
