package org.shanhai.localstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;

/**
 * The benches' webhook receiver on loopback: answers 204 at once and keeps the arrival time
 * ({@code System.nanoTime()}) of each notification, by the alert's project.
 */
final class WebhookArrivals implements AutoCloseable {

  private final HttpServer server;
  private final ExecutorService threads = Executors.newFixedThreadPool(4, r -> {
    Thread t = new Thread(r, "bench-webhooks");
    t.setDaemon(true);
    return t;
  });
  private final Map<String, BlockingQueue<Long>> arrivals = new ConcurrentHashMap<>();

  WebhookArrivals() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(threads);
    server.createContext("/hook", exchange -> {
      long now = System.nanoTime();
      JsonNode body = DemoApi.JSON.readTree(exchange.getRequestBody().readAllBytes());
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
      for (JsonNode n : body.path("data").path("notifications")) {
        arrivals(n.path("event").path("alert").path("projectId").asText()).add(now);
      }
    });
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  BlockingQueue<Long> arrivals(String project) {
    return arrivals.computeIfAbsent(project, p -> new LinkedBlockingQueue<>());
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
