package org.shanhai.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;


import org.shanhai.embedded.Ports;
import org.shanhai.embedded.ServiceProcess;

/**
 * {@code ./shanhai bench alerts [changes] [concurrency]}: how long an officer's status change takes
 * to reach a subscriber. Starts a throw-away stack on free ports (broker, in-memory wire server, the
 * projects and alerts services from their jars) and a webhook receiver; {@code concurrency} officers
 * each suspend and resume their own project in turn, and every change waits for its notification
 * (fired, then resolved) before the next. Prints the time from the update request to the signed
 * webhook's arrival, the notifications per second, and the alerts service's resident memory.
 */
final class AlertsBench {

  private AlertsBench() {
  }

  public static void main(String[] args) throws Exception {
    int changes = args.length > 0 ? Integer.parseInt(args[0]) : 400;
    int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 4;
    Path home = Files.createTempDirectory("shanhai-bench-alerts");
    System.setProperty("shanhai.logs", home.toString());
    System.setProperty("logback.configurationFile", "localstack-logback.xml");
    WebhookArrivals receiver = new WebhookArrivals();

    try (EmbeddedStack stack = new EmbeddedStack(Path.of(""), home, false, Ports.free(), Ports.free(), Ports.free())) {
      Keycloak keycloak = stack.identityProvider(Ports.free());
      ServiceProcess projects = stack.service("projects", Ports.free(), Map.of());
      // The local profile: webhooks to loopback, and the local key for their secrets.
      ServiceProcess alerts = stack.service("alerts", Ports.free(), Map.of("spring.profiles.active", "local"));
      projects.awaitReady(EmbeddedStack.STARTUP);
      alerts.awaitReady(EmbeddedStack.STARTUP);
      keycloak.awaitReady(EmbeddedStack.STARTUP);
      Bench.signIn(keycloak);
      Bench.post(alerts.baseUrl() + "/api/v1/subscriptions", """
          {"name":"bench","matchers":{"rule":["project-suspended"]},"groupWindow":"PT0S",
           "channel":{"type":"WEBHOOK","url":"%s"}}""".formatted(receiver.url()));
      String pairing = Bench.post(projects.baseUrl() + "/api/v1/pairings",
          "{\"mountainCounty\":\"330822\",\"partnerCounty\":\"330282\",\"since\":2011}").path("id").asText();
      List<String> projectIds = new ArrayList<>();
      for (int i = 0; i < concurrency; i++) {
        projectIds.add(Bench.post(projects.baseUrl() + "/api/v1/projects", """
            {"pairingId":"%s","name":"bench %d","kind":"INDUSTRIAL_PROJECT","hostCounty":"330822",
             "plannedInvestment":"1000000000.00"}""".formatted(pairing, i)).path("id").asText());
      }
      String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();

      long[] latencies = new long[changes];
      ExecutorService officers = Executors.newFixedThreadPool(concurrency);
      long start = System.nanoTime();
      List<Future<?>> work = new ArrayList<>();
      for (int officer = 0; officer < concurrency; officer++) {
        int first = officer;
        String project = projectIds.get(officer);
        BlockingQueue<Long> mine = receiver.arrivals(project);
        work.add(officers.submit(() -> {
          for (int n = first, k = 0; n < changes; n += concurrency, k++) {
            String status = k % 2 == 0 ? "SUSPENDED" : "UNDER_CONSTRUCTION";
            long sent = System.nanoTime();
            Bench.post(projects.baseUrl() + "/api/v1/projects/" + project + "/updates",
                "{\"reportDate\":\"" + today + "\",\"status\":\"" + status + "\"}");
            Long arrived = mine.poll(30, TimeUnit.SECONDS);
            latencies[n] = arrived == null ? Long.MAX_VALUE : arrived - sent;
          }
          return null;
        }));
      }
      try {
        for (Future<?> f : work) {
          f.get();
        }
      } finally {
        // Also when an officer failed: the pool's threads would keep the JVM alive.
        officers.shutdownNow();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf("status changes=%d concurrency=%d on %d cores, java %s%n", changes, concurrency,
          Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
      System.out.printf("notifications        %.1f /s (each change waits for its own)%n", changes / seconds);
      System.out.printf("update -> webhook    %s (missing after 30 s: %d)%n", Bench.percentiles(latencies),
          Arrays.stream(latencies).filter(l -> l == Long.MAX_VALUE).count());
      System.out.printf("alerts service RSS   %s%n", Bench.rss(alerts.pid()));
    } finally {
      receiver.close();
    }
  }
}
