package org.shanhai.localstack;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * {@code ./shanhai chaos [--changes N] [--minutes M] [--seed S]}: drives N changes from several
 * officers through a throw-away system over M minutes while a seeded fault schedule kills services,
 * stops the broker and the database, slows, cuts and resets their connections, and makes the webhook
 * subscriber fail; then puts everything back, waits for the system to settle, and checks from the
 * outside that nothing was lost or doubled ({@link ChaosChecks}). Prints one line per check and
 * {@code N passed, M failed}; the exit code is 0 only when none failed. Everything runs on loopback
 * and stops by itself.
 */
final class ChaosRun {

  private static final String USAGE = "usage: ./shanhai chaos [--changes N] [--minutes M] [--seed S]";
  /** Consumer groups whose lag must reach zero: the payouts' and alerts' views, and the webhook fan-out. */
  private static final Map<String, List<String>> GROUPS = Map.of("payouts", List.of("shanhai.projects.v1"),
      "alerts", List.of("shanhai.projects.v1", "shanhai.payouts.v1"), "alerts-delivery", List.of("shanhai.alerts.v1"));
  private static final Duration SETTLE = Duration.ofMinutes(5);
  private static final Duration SETTLED_FOR = Duration.ofSeconds(4);

  private ChaosRun() {
  }

  /** Runs the whole thing; the exit code. */
  static int run(String[] args, Path repository, PrintStream out) throws Exception {
    Map<String, Long> options = options(args);
    if (options == null) {
      System.err.println(USAGE);
      return 2;
    }
    int changes = Math.toIntExact(options.getOrDefault("changes", 1000L));
    long seed = options.containsKey("seed") ? options.get("seed") : new Random().nextLong(1, 1_000_000);
    Duration length = Duration.ofMinutes(options.getOrDefault("minutes", Math.max(1, (changes + 499) / 500L)));
    Path home = Files.createTempDirectory("shanhai-chaos");
    System.setProperty("shanhai.logs", home.toString());
    System.setProperty("logback.configurationFile", "localstack-logback.xml");
    out.printf("chaos run: %d changes over %d min, seed %d (the same seed plays the same faults: ./shanhai chaos "
        + "--changes %d --minutes %d --seed %d)%n", changes, length.toMinutes(), seed, changes, length.toMinutes(),
        seed);
    out.println("logs: " + home.resolve("logs"));
    long started = System.nanoTime();
    try (ChaosStack stack = ChaosStack.start(repository, home, out); ChaosSubscriber subscriber = new ChaosSubscriber()) {
      Tokens tokens = new Tokens(stack.keycloak().tokenEndpoint());
      Map<String, String> urls = new HashMap<>();
      ChaosStack.SERVICES.forEach(s -> urls.put(s, stack.baseUrl(s)));
      JsonNode subscription = subscribe(urls.get("alerts"), subscriber, tokens);
      ChaosWorkload workload = new ChaosWorkload(tokens, DemoUsers.read(repository), urls.get("projects"),
          urls.get("payouts"), seed);
      workload.prepare();

      out.println("faults (one at a time, each undone before the next):");
      long working = System.nanoTime();
      List<Thread> officers = new ArrayList<>();
      for (int i = 0; i < ChaosWorkload.OFFICERS.size(); i++) {
        Thread officer = new Thread(workload.officer(i, changes, length), "officer-" + i);
        officer.setDaemon(true);
        officer.start();
        officers.add(officer);
      }
      AtomicBoolean done = new AtomicBoolean();
      ChaosFaults faults = new ChaosFaults(seed);
      Thread faulting = new Thread(() -> faults.play(stack, subscriber, done::get, out), "faults");
      faulting.setDaemon(true);
      faulting.start();
      for (Thread officer : officers) {
        officer.join();
      }
      done.set(true);
      faulting.join();
      List<ChaosWorkload.Write> writes = workload.writes();
      out.printf("workload done: %d writes in %.0f s; faults played: %d %s%n", writes.size(),
          (System.nanoTime() - working) / 1e9, faults.played().values().stream().mapToInt(Integer::intValue).sum(),
          faults.played());

      stack.restoreAll();
      subscriber.mode(ChaosSubscriber.Mode.ANSWER);
      String unsettled = settle(stack, urls, subscription.path("id").asText(), tokens);
      out.println(unsettled == null ? "settled: outboxes empty, consumers caught up, no delivery pending"
          : "NOT settled within " + SETTLE.toMinutes() + " min: " + unsettled);

      List<ChaosChecks.Published> published = ChaosChecks.readTopics(stack.bootstrapServers());
      List<ChaosChecks.Check> checks = new ChaosChecks(tokens.demoLoader(), urls, writes, published,
          subscriber.received(), subscription.path("id").asText(),
          Instant.parse(subscription.path("createdAt").asText())).run(workload.pairings());
      int failed = 0;
      for (ChaosChecks.Check check : checks) {
        out.println((check.passed() ? "PASS  " : "FAIL  ") + check.name() + " — " + check.detail());
        failed += check.passed() ? 0 : 1;
      }
      out.printf("%d passed, %d failed (seed %d, %.0f s)%n", checks.size() - failed, failed, seed,
          (System.nanoTime() - started) / 1e9);
      return failed == 0 ? 0 : 1;
    }
  }

  /** {@code --changes N --minutes M --seed S}, each optional; null when something else is given. */
  private static Map<String, Long> options(String[] args) {
    Map<String, Long> options = new HashMap<>();
    for (int i = 0; i < args.length; i += 2) {
      if (!List.of("--changes", "--minutes", "--seed").contains(args[i]) || i + 1 >= args.length) {
        return null;
      }
      try {
        long value = Long.parseLong(args[i + 1]);
        if (value < 1) {
          return null;
        }
        options.put(args[i].substring(2), value);
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return options;
  }

  /** The subscriber's subscription to every alert, resolved notices included, each sent at once. */
  private static JsonNode subscribe(String alerts, ChaosSubscriber subscriber, Tokens tokens)
      throws IOException, InterruptedException {
    String body = DemoApi.JSON.writeValueAsString(Map.of("name", "chaos run", "sendResolved", true,
        "groupWindow", "PT0S", "channel", Map.of("type", "WEBHOOK", "url", subscriber.url(),
            "secret", subscriber.secret())));
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(alerts + "/api/v1/subscriptions")).header("Content-Type", "application/json")
        .header("Authorization", tokens.demoLoader()).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 201) {
      throw new IllegalStateException("the subscription was refused: " + response.statusCode() + " "
          + response.body());
    }
    return DemoApi.JSON.readTree(response.body());
  }

  /**
   * Waits until, for {@link #SETTLED_FOR} on end, every outbox is empty, every consumer group has
   * caught up with its topics and no webhook delivery is pending; null when it did, else what was not.
   */
  private static String settle(ChaosStack stack, Map<String, String> urls, String subscription, Tokens tokens)
      throws Exception {
    ChaosHttp http = new ChaosHttp();
    long deadline = System.nanoTime() + SETTLE.toNanos();
    long quietSince = 0;
    String state = "";
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
      while (System.nanoTime() < deadline) {
        long backlog = 0;
        for (String service : ChaosStack.SERVICES) {
          backlog += backlog(urls.get(service));
        }
        long lag = lag(admin);
        long pending = http.get(urls.get("alerts") + "/api/v1/subscriptions/" + subscription
            + "/deliveries?status=PENDING&size=1", tokens.demoLoader()).path("total").asLong();
        state = "outbox backlog " + backlog + ", consumer lag " + lag + ", deliveries pending " + pending;
        if (backlog + lag + pending > 0) {
          quietSince = 0;
        } else if (quietSince == 0) {
          quietSince = System.nanoTime();
        } else if (System.nanoTime() - quietSince > SETTLED_FOR.toNanos()) {
          return null;
        }
        ChaosStack.sleep(Duration.ofSeconds(1));
      }
    }
    return state;
  }

  /** The service's outbox backlog, from its Prometheus figures. */
  private static long backlog(String base) throws InterruptedException {
    HttpResponse<String> response;
    try {
      response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/actuator/prometheus"))
          .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      return 1;
    }
    long backlog = 0;
    for (String line : response.body().split("\n")) {
      if (line.startsWith("shanhai_outbox_backlog")) {
        backlog += (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return response.statusCode() == 200 ? backlog : 1;
  }

  /** Records on the topics that the groups have not yet committed past. */
  private static long lag(Admin admin) throws InterruptedException, ExecutionException, TimeoutException {
    long lag = 0;
    for (Map.Entry<String, List<String>> group : GROUPS.entrySet()) {
      Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.getKey())
          .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      admin.describeTopics(group.getValue()).allTopicNames().get(30, TimeUnit.SECONDS).values()
          .forEach(t -> t.partitions().forEach(p -> latest.put(new TopicPartition(t.name(), p.partition()),
              OffsetSpec.latest())));
      Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all()
          .get(30, TimeUnit.SECONDS);
      for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end : ends.entrySet()) {
        OffsetAndMetadata at = committed.get(end.getKey());
        lag += Math.max(0, end.getValue().offset() - (at == null ? 0 : at.offset()));
      }
    }
    return lag;
  }
}
