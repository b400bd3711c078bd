package org.shanhai.localstack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import org.shanhai.embedded.KafkaBroker;
import org.shanhai.embedded.Ports;
import org.shanhai.embedded.ServiceProcess;

/**
 * {@code ./shanhai bench [updates] [concurrency]}: the load generator ({@code ./shanhai bench alerts …} runs
 * {@link AlertsBench}, {@code ./shanhai bench console …} {@link ConsoleBench} instead). Starts its own throw-away
 * stack on free ports (broker, in-memory wire server, the projects service from its jar), posts
 * progress updates over HTTP from {@code concurrency} officers at once (each on their own projects,
 * as officers are), and prints the HTTP latency, the throughput, the time from request to event on
 * Kafka, and the service's resident memory. Everything stays on this machine and stops by itself.
 */
public final class Bench {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  /** Every request is the demo loader's, with a token from the stack's Keycloak, as an officer's would be. */
  private static Tokens tokens;

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("alerts")) {
      AlertsBench.main(Arrays.copyOfRange(args, 1, args.length));
      return;
    }
    if (args.length > 0 && args[0].equals("import")) {
      ImportBench.main(Arrays.copyOfRange(args, 1, args.length));
      return;
    }
    if (args.length > 0 && args[0].equals("console")) {
      ConsoleBench.main(Arrays.copyOfRange(args, 1, args.length));
      return;
    }
    int updates = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    Path home = Files.createTempDirectory("shanhai-bench");
    System.setProperty("shanhai.logs", home.toString());
    System.setProperty("logback.configurationFile", "localstack-logback.xml");

    try (EmbeddedStack stack = new EmbeddedStack(Path.of(""), home, false, Ports.free(), Ports.free(), Ports.free())) {
      KafkaBroker kafka = stack.kafka();
      Keycloak keycloak = stack.identityProvider(Ports.free());
      ServiceProcess projects = stack.service("projects", Ports.free(), Map.of(), "512m");
      projects.awaitReady(EmbeddedStack.STARTUP);
      keycloak.awaitReady(EmbeddedStack.STARTUP);
      signIn(keycloak);
      String base = projects.baseUrl();
      String pairing = post(base + "/api/v1/pairings",
          "{\"mountainCounty\":\"330822\",\"partnerCounty\":\"330282\",\"since\":2011}").path("id").asText();
      List<String> projectIds = new ArrayList<>();
      for (int i = 0; i < concurrency * 4; i++) {
        projectIds.add(post(base + "/api/v1/projects", """
            {"pairingId":"%s","name":"bench %d","kind":"INDUSTRIAL_PROJECT","hostCounty":"330822",
             "plannedInvestment":"1000000000.00"}""".formatted(pairing, i)).path("id").asText());
      }

      Map<String, Long> arrived = new ConcurrentHashMap<>();
      Thread consumer = new Thread(() -> consume(kafka.bootstrapServers(), arrived, updates), "bench-consumer");
      consumer.start();
      warmUp(base, projectIds.get(0));

      long[] httpNanos = new long[updates];
      Map<String, Long> sentAt = new ConcurrentHashMap<>();
      ExecutorService officers = Executors.newFixedThreadPool(concurrency);
      long start = System.nanoTime();
      List<Future<?>> work = new ArrayList<>();
      for (int officer = 0; officer < concurrency; officer++) {
        int first = officer;
        work.add(officers.submit(() -> {
          for (int n = first; n < updates; n += concurrency) {
            String project = projectIds.get(first + concurrency * (n / concurrency % 4));
            long sent = System.nanoTime();
            JsonNode update = post(base + "/api/v1/projects/" + project + "/updates",
                "{\"reportDate\":\"2021-06-30\",\"cumulativeInvestment\":\"" + (n + 1) + ".00\"}");
            httpNanos[n] = System.nanoTime() - sent;
            sentAt.put(update.path("id").asText(), sent);
          }
          return null;
        }));
      }
      for (Future<?> f : work) {
        f.get();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      officers.shutdown();
      consumer.join(Duration.ofMinutes(5).toMillis());

      long[] endToEnd = sentAt.entrySet().stream()
          .mapToLong(e -> arrived.getOrDefault(e.getKey(), Long.MAX_VALUE) - e.getValue()).toArray();
      System.out.printf("updates=%d concurrency=%d on %d cores, java %s%n", updates, concurrency,
          Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
      System.out.printf("throughput           %.0f updates/s (HTTP 201s)%n", updates / seconds);
      System.out.printf("HTTP latency         %s%n", percentiles(httpNanos));
      System.out.printf("request -> on Kafka  %s (events received: %d)%n", percentiles(endToEnd), arrived.size());
      System.out.printf("projects service RSS %s%n", rss(projects.pid()));
    }
  }

  private static void warmUp(String base, String project) {
    for (int i = 0; i < 200; i++) {
      post(base + "/api/v1/projects/" + project + "/updates", "{\"reportDate\":\"2021-06-30\"}");
    }
  }

  private static void consume(String bootstrap, Map<String, Long> arrived, int expected) {
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.GROUP_ID_CONFIG, "bench",
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of("shanhai.projects.v1"));
      long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
      while (arrived.size() < expected + 200 && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(100))) {
          long now = System.nanoTime();
          try {
            JsonNode body = JSON.readTree(r.value());
            if (body.has("updateId")) {
              arrived.putIfAbsent(body.path("updateId").asText(), now);
            }
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        }
      }
    }
  }

  static void signIn(Keycloak keycloak) {
    tokens = new Tokens(keycloak.tokenEndpoint());
  }

  /** {@code Bearer …} of the demo loader's client, for a request the bench makes itself. */
  static String bearer() throws java.io.IOException, InterruptedException {
    return tokens.demoLoader();
  }

  static JsonNode post(String url, String body) {
    try {
      HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
          .header("Content-Type", "application/json").header("Authorization", tokens.demoLoader())
          .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 201) {
        throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
      }
      return JSON.readTree(response.body());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String percentiles(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms".formatted(ms(sorted, 0.50), ms(sorted, 0.95),
        ms(sorted, 0.99), ms(sorted, 1.0));
  }

  static double ms(long[] sorted, double quantile) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
  }

  static String rss(long pid) throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return line.substring(6).trim();
      }
    }
    return "unknown";
  }
}
