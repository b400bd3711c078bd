package org.shanhai.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.shanhai.embedded.Ports;
import org.shanhai.embedded.ServiceProcess;

/**
 * {@code ./shanhai bench overload [rate] [seconds]}: progress reports sent to the projects service at
 * {@code rate} a second (300 by default) for {@code seconds} (60), open loop, each on schedule whether or
 * not the earlier ones were answered: several times what it carries on two cores. Prints how the reports
 * were answered (accepted, refused as busy, not answered within a minute), the service's largest heap
 * meanwhile, and whether it still answers afterwards. A throw-away stack: broker, wire server, Keycloak
 * and the projects service alone.
 */
final class OverloadBench {

  private static final int PROJECTS = 60;
  private static final Duration ANSWER = Duration.ofMinutes(1);
  private static final String TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();

  private OverloadBench() {
  }

  public static void main(String[] args) throws Exception {
    int rate = args.length > 0 ? Integer.parseInt(args[0]) : 300;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
    Path home = Files.createTempDirectory("shanhai-bench-overload");
    System.setProperty("shanhai.logs", home.toString());
    System.setProperty("logback.configurationFile", "localstack-logback.xml");

    try (EmbeddedStack stack = new EmbeddedStack(Path.of(""), home, false, Ports.free(), Ports.free(), Ports.free())) {
      Keycloak keycloak = stack.identityProvider(Ports.free());
      ServiceProcess projects = stack.service("projects", Ports.free(), Map.of());
      projects.awaitReady(EmbeddedStack.STARTUP);
      keycloak.awaitReady(EmbeddedStack.STARTUP);
      Bench.signIn(keycloak);
      String base = projects.baseUrl();
      String pairing = Bench.post(base + "/api/v1/pairings",
          "{\"mountainCounty\":\"330822\",\"partnerCounty\":\"330282\",\"since\":2011}").path("id").asText();
      List<String> ids = new ArrayList<>();
      for (int p = 0; p < PROJECTS; p++) {
        ids.add(Bench.post(base + "/api/v1/projects", """
            {"pairingId":"%s","name":"bench %d","kind":"INDUSTRIAL_PROJECT","hostCounty":"330822",
             "plannedInvestment":"1000000000.00"}""".formatted(pairing, p)).path("id").asText());
      }
      System.out.printf("overload bench: %d reports/s for %d s on %d projects, on %d cores, java %s%n", rate, seconds,
          PROJECTS, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));

      AtomicLong peakHeap = new AtomicLong();
      AtomicBoolean sampling = new AtomicBoolean(true);
      Thread sampler = new Thread(() -> {
        while (sampling.get()) {
          try {
            peakHeap.accumulateAndGet(Bench.heapUsed(base), Math::max);
            Thread.sleep(500);
          } catch (InterruptedException e) {
            return;
          } catch (Exception ignored) {
            // A service too busy to answer its scrape in time: the next sample counts.
          }
        }
      }, "bench-heap");
      sampler.setDaemon(true);
      sampler.start();

      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      String bearer = Bench.bearer();
      Map<String, AtomicInteger> answers = new ConcurrentSkipListMap<>();
      List<CompletableFuture<?>> sent = new ArrayList<>();
      long start = System.nanoTime();
      long step = 1_000_000_000L / rate;
      for (int n = 0; n < rate * seconds; n++) {
        long wait = start + n * step - System.nanoTime();
        if (wait > 0) {
          TimeUnit.NANOSECONDS.sleep(wait);
        }
        HttpRequest report = HttpRequest.newBuilder(URI.create(base + "/api/v1/projects/" + ids.get(n % PROJECTS)
                + "/updates")).timeout(ANSWER).header("Content-Type", "application/json").header("Authorization", bearer)
            .POST(HttpRequest.BodyPublishers.ofString("{\"reportDate\":\"" + TODAY + "\",\"fundsInPlace\":\""
                + (n + 1) + ".00\"}")).build();
        sent.add(http.sendAsync(report, HttpResponse.BodyHandlers.discarding()).handle((response, failure) -> answers
            .computeIfAbsent(response != null ? Integer.toString(response.statusCode()) : "no answer",
                k -> new AtomicInteger()).incrementAndGet()));
      }
      CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(ANSWER.toSeconds() + 30, TimeUnit.SECONDS);
      double took = (System.nanoTime() - start) / 1e9;
      sampling.set(false);
      int accepted = answers.getOrDefault("201", new AtomicInteger()).get();
      System.out.printf("answers              %s of %d sent (201 accepted, 503 busy, 412 overtaken; "
          + "no answer: none within %d s, or no connection)%n", answers, rate * seconds, ANSWER.toSeconds());
      System.out.printf("accepted             %.0f reports/s over %.0f s%n", accepted / took, took);
      System.out.printf("heap                 max %.0f MB used%n", peakHeap.get() / 1e6);
      long asked = System.nanoTime();
      try {
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
            .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        System.out.printf("afterwards           /actuator/health answered %d in %.0f ms%n", health.statusCode(),
            (System.nanoTime() - asked) / 1e6);
      } catch (IOException e) {
        System.out.printf("afterwards           /actuator/health not answered: %s%n", e);
      }
    }
  }
}
