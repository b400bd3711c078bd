package org.shanhai.alerts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server on loopback standing in for a subscriber: records every request (headers and
 * body) and answers with the statuses queued for it, then 200.
 */
final class WebhookReceiver implements AutoCloseable {

  /** One request as received. */
  record Received(String webhookId, String timestamp, String signature, String body, int answeredWith) {
  }

  private final HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final ConcurrentLinkedQueue<int[]> answers = new ConcurrentLinkedQueue<>();

  WebhookReceiver() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      int[] answer = answers.poll();
      int status = answer == null ? 200 : answer[0];
      var headers = exchange.getRequestHeaders();
      received.add(new Received(headers.getFirst("webhook-id"), headers.getFirst("webhook-timestamp"),
          headers.getFirst("webhook-signature"), body, status));
      if (answer != null && answer.length > 1) {
        exchange.getResponseHeaders().add("Retry-After", String.valueOf(answer[1]));
      }
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
    });
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/shanhai";
  }

  /** The next request is answered with {@code status}. */
  void answerNext(int status) {
    answers.add(new int[] {status});
  }

  /** The next request is answered with {@code status} and {@code Retry-After: seconds}. */
  void answerNext(int status, int retryAfterSeconds) {
    answers.add(new int[] {status, retryAfterSeconds});
  }

  List<Received> received() {
    return List.copyOf(received);
  }

  Map<String, Long> countsById() {
    return received.stream().collect(java.util.stream.Collectors.groupingBy(Received::webhookId,
        java.util.stream.Collectors.counting()));
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
