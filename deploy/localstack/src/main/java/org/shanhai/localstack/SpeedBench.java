package org.shanhai.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import org.shanhai.embedded.Ports;
import org.shanhai.embedded.ServiceProcess;

/**
 * {@code ./shanhai bench}: the update pipeline's speed, on a throw-away stack (the broker, an
 * in-memory wire server, Keycloak, the projects, payouts and alerts services from their jars),
 * measured against the raw Kafka producer on the same broker, in one run:
 * <ol>
 *   <li>the raw producer's rate (1 KB records, acks=all, idempotent);</li>
 *   <li>saturation: updates accepted over HTTP and applied by both the payouts and the alerts
 *       service (their consumer groups committed past the last update's event), per second, after
 *       three minutes of the same load that is not measured ({@link #WARM_UP});</li>
 *   <li>at a fixed 100 updates per second, open loop (each request sent at its scheduled time
 *       whether or not the earlier ones answered), after {@link #OPEN_LOOP_LEAD_IN} at that rate not
 *       measured, from the scheduled time to applied by the alerts service, in an HdrHistogram, and
 *       how busy the cores were meanwhile, the JIT compilers' share included;</li>
 *   <li>at 10 status changes per second, open loop, from the scheduled time to the signed webhook
 *       at a subscriber (grouping window zero), after about as many not measured;</li>
 *   <li>an update's cost on a project with 1,000 earlier updates against a fresh one;</li>
 *   <li>catch-up after an outage: both consumers stopped while {@link #BACKLOG} updates are
 *       accepted, then started again; how many events a second each applies from its start until
 *       its group committed to the topic's end;</li>
 *   <li>each service's largest resident memory while it serves, and the time each takes to be
 *       ready when started again.</li>
 * </ol>
 * Prints a table and, last, one JSON line with the figures.
 */
final class SpeedBench {

  private static final String PROJECTS_TOPIC = "shanhai.projects.v1";
  /** Where the broker records the groups' commits. */
  private static final String OFFSETS_TOPIC = "__consumer_offsets";
  private static final int PROJECTS = 64;
  private static final int IN_FLIGHT = 64;
  /** Sends of one update at most, the first included. */
  private static final int ATTEMPTS = 10;
  private static final Duration OPEN_LOOP = Duration.ofSeconds(30);
  /** The updates sent in the 100/s phase. */
  private static final int OPEN_LOOP_UPDATES = (int) (OPEN_LOOP.toSeconds() * 100);
  /**
   * 100/s, not measured, right before the measured 100/s: the change from the saturation's load to
   * updates one at a time sends the JIT compilers back to work (code compiled for the one shape
   * thrown away and compiled again, paths the saturation never took): through a 30 s phase at 100/s
   * that came straight after the saturation they took about a third of the CPU (docs/benchmarks.md, a
   * sixteenth sitting).
   */
  private static final Duration OPEN_LOOP_LEAD_IN = Duration.ofSeconds(20);
  /** The status changes sent in the webhook phase, at 10/s; about as many go before it, not measured. */
  private static final int OPEN_LOOP_STATUS_CHANGES = (int) (OPEN_LOOP.toSeconds() * 10);
  /**
   * The saturation's load, unmeasured, before any figure is taken. A service starts interpreting its
   * code and compiles the hot paths as the load reaches them, a cost of the start, not of an update:
   * under this load each service's JIT compiler threads took a fifth to a half of its CPU for about
   * three minutes, a quarter at most after that; until then much of the code runs in its first,
   * profiling compilation, and an update cost each service two to two and a half times what it does
   * after (docs/benchmarks.md, a twelfth sitting). The warm-up's own rate is printed: what the stack
   * carries in its first minutes.
   */
  private static final Duration WARM_UP = Duration.ofSeconds(180);
  /** Updates accepted while the consumers are down, for the catch-up. */
  private static final int BACKLOG = 10_000;
  private static final String TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();

  /**
   * The client's own tasks (a request written, a response read) run on its selector thread. By default
   * each went to a thread of its pool, and the handing over (parking and waking threads) was about
   * two fifths of what that pool's threads did at saturation, on the cores the bench measures
   * (docs/benchmarks.md, a twentieth sitting). None of them blocks; what a caller chains to a sent
   * request still runs on the common pool, as the client makes sure.
   */
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
      .executor(Runnable::run).build();
  private String projects;
  private String bootstrap;
  private final AtomicLong investment = new AtomicLong(1);
  /** Updates answered 412 and sent again; see {@link #update(String, String, int)}. */
  private final AtomicLong retried = new AtomicLong();
  /** Updates answered 503 (the service busy) and sent again; see {@link #update(String, String, int)}. */
  private final AtomicLong shed = new AtomicLong();
  /** What the open-loop measurement could not place or see applied, if anything. */
  private String applyNote = "";
  /** How busy the cores were in the measured 100/s, and what an update cost each process there. */
  private String applyCpu = "";

  private SpeedBench() {
  }

  public static void main(String[] args) throws Exception {
    int updates = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    new SpeedBench().run(updates);
  }

  private void run(int updates) throws Exception {
    Path home = Files.createTempDirectory("shanhai-bench");
    System.setProperty("shanhai.logs", home.toString());
    System.setProperty("logback.configurationFile", "localstack-logback.xml");
    long began = System.nanoTime();
    // The subscriber's HTTP server is closed however the bench ends: its dispatcher thread would keep the JVM alive.
    try (EmbeddedStack stack = new EmbeddedStack(Path.of(""), home, false, Ports.free(), Ports.free(), Ports.free());
        WebhookArrivals subscriber = new WebhookArrivals()) {
      bootstrap = stack.kafka().bootstrapServers();
      Keycloak keycloak = stack.identityProvider(Ports.free());
      Map<String, Integer> ports = Map.of("projects", Ports.free(), "payouts", Ports.free(), "alerts", Ports.free());
      Map<String, ServiceProcess> services = new LinkedHashMap<>();
      for (String name : List.of("projects", "payouts", "alerts")) {
        services.put(name, stack.service(name, ports.get(name), settings(name)));
      }
      for (ServiceProcess service : services.values()) {
        service.awaitReady(EmbeddedStack.STARTUP);
      }
      keycloak.awaitReady(EmbeddedStack.STARTUP);
      Bench.signIn(keycloak);
      projects = services.get("projects").baseUrl();
      Resident resident = new Resident(services);
      System.out.printf("shanhai bench on %d cores, java %s (stack up in %.0f s)%n",
          Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), (System.nanoTime() - began) / 1e9);

      double raw = rawKafka();
      print("raw Kafka producer", "%.0f records/s (1 KB, acks=all, idempotent)".formatted(raw));

      Bench.post(services.get("alerts").baseUrl() + "/api/v1/subscriptions", """
          {"name":"bench","matchers":{"rule":["project-suspended"]},"groupWindow":"PT0S",
           "channel":{"type":"WEBHOOK","url":"%s"}}""".formatted(subscriber.url()));
      String pairing = Bench.post(projects + "/api/v1/pairings",
          "{\"mountainCounty\":\"330822\",\"partnerCounty\":\"330282\",\"since\":2011}").path("id").asText();
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < PROJECTS * 2 + 2; i++) {
        ids.add(Bench.post(projects + "/api/v1/projects", """
            {"pairingId":"%s","name":"bench %d","kind":"INDUSTRIAL_PROJECT","hostCounty":"330822",
             "plannedInvestment":"1000000000.00"}""".formatted(pairing, i)).path("id").asText());
      }
      List<String> load = ids.subList(0, PROJECTS);
      List<String> alerting = ids.subList(PROJECTS, PROJECTS * 2);

      try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
        awaitApplied(admin, 0, Duration.ofMinutes(2));
        Map<String, Long> processes = new LinkedHashMap<>();
        services.forEach((name, service) -> processes.put(name, service.pid()));
        processes.put("keycloak", keycloak.pid());
        processes.put("broker + wire server + clients", ProcessHandle.current().pid());
        long warmUp = warmUp(admin, load);
        print("warm-up", "%d updates in %d s (%.0f/s accepted), applied by both, not measured".formatted(warmUp,
            WARM_UP.toSeconds(), warmUp / (double) WARM_UP.toSeconds()));
        // Keycloak only signs the bench in, before this: its CPU here stays at nothing.
        Map<String, Long> profiled = new LinkedHashMap<>(processes);
        profiled.remove("keycloak");
        FlameGraphs flames = FlameGraphs.startIfAsked(profiled);
        Map<String, Long> cpuBefore = cpuMillis(processes);
        double rate = saturation(admin, load, updates);
        Map<String, Long> cpuAfter = cpuMillis(processes);
        print("saturation", "%.0f updates/s accepted and applied by payouts and alerts (%d updates, %d in flight); "
            .formatted(rate, updates, IN_FLIGHT) + "%.2f%% of the raw producer".formatted(100 * rate / raw));
        print("cpu per update", perUpdate(cpuBefore, cpuAfter, updates) + " (during saturation)");
        flames.stop();
        Histogram apply = openLoopApply(admin, load, processes);
        print("request -> applied", "at 100/s open loop for %d s, after %d s not measured: %s (alerts service; %s)"
            .formatted(OPEN_LOOP.toSeconds(), OPEN_LOOP_LEAD_IN.toSeconds(), quantiles(apply), applyNote));
        print("cpu at 100/s", applyCpu);
        print("webhook warm-up", warmUpWebhooks(subscriber, alerting) + ", not measured");
        Histogram webhook = openLoopWebhook(subscriber, alerting);
        print("status -> webhook", "at 10/s open loop for %d s: %s".formatted(OPEN_LOOP.toSeconds(), quantiles(webhook)));
        double penalty = historyPenalty(ids.get(PROJECTS * 2), ids.get(PROJECTS * 2 + 1));
        Map<String, Double> catchUp = catchUp(stack, admin, services, ports, load, resident);
        int rss = resident.stop();
        print("resident memory", "max %d MB (%s)".formatted(rss, resident.describe()));
        print("sent again", ("%d updates answered 412 (the project kept changing under concurrent reports), "
            + "%d answered 503 (the service busy)").formatted(retried.get(), shed.get()));
        double ready = 0;
        Map<String, Double> readiness = new LinkedHashMap<>();
        for (String name : services.keySet()) {
          services.get(name).stop();
          long start = System.nanoTime();
          stack.service(name, ports.get(name), settings(name)).awaitReady(EmbeddedStack.STARTUP);
          readiness.put(name, (System.nanoTime() - start) / 1e9);
          ready = Math.max(ready, readiness.get(name));
        }
        print("ready after start", readiness.entrySet().stream().map(e -> e.getKey() + " %.1f s".formatted(e.getValue()))
            .reduce((a, b) -> a + ", " + b).orElse(""));
        System.out.printf("{\"kafkaRawPerSecond\":%.0f,\"updatesPerSecond\":%.0f,\"shareOfKafka\":%.4f,"
                + "\"applyP99Ms\":%.1f,\"webhookP99Ms\":%.1f,\"historyPenalty\":%.3f,\"maxRssMb\":%d,"
                + "\"maxReadySeconds\":%.1f,\"catchUpPerSecond\":%.0f}%n", raw, rate, rate / raw,
            apply.getValueAtPercentile(99) / 1000.0, webhook.getValueAtPercentile(99) / 1000.0, penalty, rss, ready,
            catchUp.values().stream().mapToDouble(Double::doubleValue).min().orElse(0));
      }
    }
  }

  /**
   * The CPU time each process has used so far: across a phase, what an update costs each of them,
   * which says where the two cores go (at saturation), or whether they were free at all (at 100/s).
   */
  private static Map<String, Long> cpuMillis(Map<String, Long> processes) {
    Map<String, Long> used = new LinkedHashMap<>();
    processes.forEach((name, pid) -> used.put(name, ProcessHandle.of(pid).flatMap(p -> p.info().totalCpuDuration())
        .map(Duration::toMillis).orElse(0L)));
    return used;
  }

  /**
   * The CPU time each process's JIT compiler threads have used so far (the ones alive now: a JVM on two
   * cores keeps one of each kind), from {@code /proc/<pid>/task/<tid>/stat}, in the kernel's clock ticks
   * of 10 ms.
   */
  private static Map<String, Long> compilerMillis(Map<String, Long> processes) {
    Map<String, Long> used = new LinkedHashMap<>();
    processes.forEach((name, pid) -> {
      long ticks = 0;
      try (var tasks = Files.list(Path.of("/proc", pid.toString(), "task"))) {
        for (Path task : tasks.toList()) {
          String stat = Files.readString(task.resolve("stat"));
          String thread = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
          if (thread.startsWith("C1 CompilerThre") || thread.startsWith("C2 CompilerThre")) {
            // After the name: state, ppid, … utime (the 12th), stime (the 13th).
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
          }
        }
      } catch (IOException | RuntimeException e) {
        // A thread or the process gone meanwhile: its time is not counted.
      }
      used.put(name, ticks * 10);
    });
    return used;
  }

  /**
   * The machine's CPU time so far, all cores, from the first line of {@code /proc/stat} (in clock
   * ticks): busy (all but idle, waiting for I/O and stolen), stolen (a virtual machine's cores running
   * another guest meanwhile), and in all. Runs on one machine differ by what else shares it: steal
   * says when the host took the time, busy beyond the stack's processes when something here did.
   */
  private record MachineTicks(long busy, long steal, long total) {

    static MachineTicks now() {
      try {
        String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        // cpu user nice system idle iowait irq softirq steal (guest time is counted in user already)
        long[] t = new long[8];
        for (int i = 0; i < 8; i++) {
          t[i] = Long.parseLong(f[i + 1]);
        }
        long total = t[0] + t[1] + t[2] + t[3] + t[4] + t[5] + t[6] + t[7];
        return new MachineTicks(total - t[3] - t[4] - t[7], t[7], total);
      } catch (IOException | RuntimeException e) {
        return new MachineTicks(0, 0, 0);
      }
    }

    MachineTicks since(MachineTicks before) {
      return new MachineTicks(busy - before.busy, steal - before.steal, total - before.total);
    }

    double busyCores(int cores) {
      return total == 0 ? 0 : cores * (double) busy / total;
    }

    double stealPercent() {
      return total == 0 ? 0 : 100.0 * steal / total;
    }
  }

  private static String perUpdate(Map<String, Long> before, Map<String, Long> after, int updates) {
    return before.keySet().stream()
        .map(name -> "%s %.2f ms".formatted(name, (after.get(name) - before.get(name)) / (double) updates))
        .reduce((a, b) -> a + ", " + b).orElse("");
  }

  private static Map<String, String> settings(String service) {
    // The local profile lets webhooks reach this machine.
    return service.equals("alerts") ? Map.of("spring.profiles.active", "local") : Map.of();
  }

  private static void print(String what, String figure) {
    System.out.printf("%-20s %s%n", what, figure);
  }

  /** The raw producer on the same broker: 1 KB records, acks=all, idempotent, as fast as it goes. */
  private double rawKafka() {
    byte[] value = new byte[1024];
    Arrays.fill(value, (byte) 'x');
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new ByteArraySerializer(), new ByteArraySerializer())) {
      for (int i = 0; i < 20_000; i++) {
        producer.send(new ProducerRecord<>("bench.raw", value));
      }
      producer.flush();
      int records = 100_000;
      long start = System.nanoTime();
      for (int i = 0; i < records; i++) {
        producer.send(new ProducerRecord<>("bench.raw", value));
      }
      producer.flush();
      return records / ((System.nanoTime() - start) / 1e9);
    }
  }

  /**
   * {@code updates} progress reports from {@link #IN_FLIGHT} clients at once, each on its own project
   * (as officers are: reports of one project do not race each other), until both consumers applied
   * the last.
   */
  private double saturation(Admin admin, List<String> load, int updates) throws Exception {
    long before = endOffsets(admin).values().stream().mapToLong(Long::longValue).sum();
    AtomicLong left = new AtomicLong(updates);
    long start = System.nanoTime();
    closedLoop(load, () -> left.getAndDecrement() > 0);
    awaitApplied(admin, before + updates, Duration.ofMinutes(10));
    return updates / ((System.nanoTime() - start) / 1e9);
  }

  /**
   * The saturation's load for {@link #WARM_UP}, until applied by both consumers, measuring nothing;
   * how many updates it sent.
   */
  private long warmUp(Admin admin, List<String> load) throws Exception {
    long before = endOffsets(admin).values().stream().mapToLong(Long::longValue).sum();
    long until = System.nanoTime() + WARM_UP.toNanos();
    long sent = closedLoop(load, () -> System.nanoTime() < until);
    awaitApplied(admin, before + sent, Duration.ofMinutes(10));
    return sent;
  }

  /**
   * A backlog as an outage of the consumers leaves it: the payouts and alerts services stopped while
   * {@link #BACKLOG} updates are accepted (the saturation's load, on the projects service alone), then
   * started again, each put in {@code services} in place of the one stopped. Per consumer, the events
   * it was behind over the time from its start until its group committed to the topic's end: the
   * start's own seconds included, as after an outage.
   */
  private Map<String, Double> catchUp(EmbeddedStack stack, Admin admin, Map<String, ServiceProcess> services,
      Map<String, Integer> ports, List<String> load, Resident resident) throws Exception {
    List<String> consumers = List.of("payouts", "alerts");
    for (String name : consumers) {
      resident.forget(name);
      services.get(name).stop();
    }
    AtomicLong left = new AtomicLong(BACKLOG);
    long sending = System.nanoTime();
    closedLoop(load, () -> left.getAndDecrement() > 0);
    double accepted = BACKLOG / ((System.nanoTime() - sending) / 1e9);
    Map<TopicPartition, Long> ends = endOffsets(admin);
    Map<String, Long> behind = new LinkedHashMap<>();
    for (String name : consumers) {
      Map<TopicPartition, Long> committed = committed(admin, name);
      behind.put(name, ends.entrySet().stream()
          .mapToLong(e -> e.getValue() - committed.getOrDefault(e.getKey(), 0L)).sum());
    }
    long start = System.nanoTime();
    for (String name : consumers) {
      ServiceProcess started = stack.service(name, ports.get(name), settings(name));
      services.put(name, started);
      resident.watch(name, started);
    }
    Map<String, Double> seconds = new LinkedHashMap<>();
    long deadline = start + Duration.ofMinutes(10).toNanos();
    while (seconds.size() < consumers.size()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the consumers did not catch up within 10 minutes");
      }
      for (String name : consumers) {
        if (!seconds.containsKey(name) && caughtUp(committed(admin, name), ends)) {
          seconds.put(name, (System.nanoTime() - start) / 1e9);
        }
      }
      Thread.sleep(20);
    }
    Map<String, Double> perSecond = new LinkedHashMap<>();
    consumers.forEach(name -> perSecond.put(name, behind.get(name) / seconds.get(name)));
    print("catch-up", ("%d updates accepted with the consumers down (%.0f/s), then from their start: %s")
        .formatted(BACKLOG, accepted, consumers.stream().map(name -> "%s %d events in %.1f s (%.0f/s)"
            .formatted(name, behind.get(name), seconds.get(name), perSecond.get(name)))
            .reduce((a, b) -> a + ", " + b).orElse("")));
    return perSecond;
  }

  /**
   * {@link #IN_FLIGHT} clients, each sending updates of its project one after another while
   * {@code more} says so; how many were sent. A client sends its next update from the answer to its
   * last, with no thread of its own waiting in between: a thread per client woke for every answer.
   */
  private long closedLoop(List<String> load, BooleanSupplier more) throws Exception {
    AtomicLong sent = new AtomicLong();
    CompletableFuture<Void> failed = new CompletableFuture<>();
    BooleanSupplier going = () -> !failed.isDone() && more.getAsBoolean();
    List<CompletableFuture<Void>> clients = new ArrayList<>();
    for (int c = 0; c < IN_FLIGHT; c++) {
      CompletableFuture<Void> done = new CompletableFuture<>();
      done.whenComplete((x, failure) -> {
        if (failure != null) {
          failed.completeExceptionally(failure);
        }
      });
      sendInTurn(load.get(c % load.size()), going, sent, done);
      clients.add(done);
    }
    // The first failure ends the phase: the other clients stop at their next send.
    CompletableFuture.anyOf(CompletableFuture.allOf(clients.toArray(CompletableFuture[]::new)), failed)
        .get(10, TimeUnit.MINUTES);
    return sent.get();
  }

  /**
   * Sends an update of {@code project} while {@code more} says so, each once the last is answered;
   * then completes {@code done}.
   */
  private void sendInTurn(String project, BooleanSupplier more, AtomicLong sent, CompletableFuture<Void> done) {
    if (!more.getAsBoolean()) {
      done.complete(null);
      return;
    }
    update(project, null).orTimeout(1, TimeUnit.MINUTES).whenComplete((id, failure) -> {
      if (failure != null) {
        done.completeExceptionally(failure);
      } else {
        sent.incrementAndGet();
        sendInTurn(project, more, sent, done);
      }
    });
  }

  /** Waits until the topic holds at least {@code records} and both groups committed to its end. */
  private void awaitApplied(Admin admin, long records, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      Map<TopicPartition, Long> ends = endOffsets(admin);
      if (ends.values().stream().mapToLong(Long::longValue).sum() >= records
          && caughtUp(committed(admin, "payouts"), ends) && caughtUp(committed(admin, "alerts"), ends)) {
        return;
      }
      Thread.sleep(20);
    }
    throw new IllegalStateException("the consumers did not catch up within " + timeout);
  }

  private static boolean caughtUp(Map<TopicPartition, Long> committed, Map<TopicPartition, Long> ends) {
    return ends.entrySet().stream().allMatch(e -> e.getValue() == 0 || committed.getOrDefault(e.getKey(), 0L) >= e.getValue());
  }

  /**
   * 100 updates per second, each sent at its scheduled time: {@link #OPEN_LOOP_LEAD_IN} not measured,
   * then without a break {@link #OPEN_LOOP} measured, the time from each one's scheduled send until the
   * bench saw the alerts service's group commit past its event ({@link #readCommits}). The CPU of
   * {@code processes} is read over the measured part and its wait for the last events ({@link #applyCpu}).
   */
  private Histogram openLoopApply(Admin admin, List<String> load, Map<String, Long> processes) throws Exception {
    Map<String, Long> scheduled = new ConcurrentHashMap<>();
    Map<String, Long> answered = new ConcurrentHashMap<>();
    Map<String, long[]> placed = new ConcurrentHashMap<>();
    AtomicBoolean reading = new AtomicBoolean(true);
    Map<TopicPartition, Long> from = endOffsets(admin);
    Thread reader = new Thread(() -> readPlacements(from, placed, reading), "bench-reader");
    reader.setDaemon(true);
    reader.start();
    List<long[]> snapshots = new ArrayList<>();
    AtomicBoolean watching = new AtomicBoolean(true);
    CountDownLatch watched = new CountDownLatch(1);
    Thread commits = new Thread(() -> readCommits(admin, "alerts", from.size(), snapshots, watched, watching),
        "bench-commits");
    commits.setDaemon(true);
    commits.start();
    if (!watched.await(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the alerts group's commits could not be followed");
    }
    int leadIn = (int) (OPEN_LOOP_LEAD_IN.toSeconds() * 100);
    long start = System.nanoTime() + 100_000_000;
    List<CompletableFuture<?>> sent = new ArrayList<>();
    Map<String, Long> cpuBefore = Map.of();
    Map<String, Long> compilersBefore = Map.of();
    MachineTicks machineBefore = new MachineTicks(0, 0, 0);
    long measuring = 0;
    for (int n = 0; n < leadIn + OPEN_LOOP_UPDATES; n++) {
      long at = start + n * 10_000_000L;
      sleepUntil(at);
      boolean measured = n >= leadIn;
      sent.add(update(load.get(n % load.size()), null).thenAccept(id -> {
        if (measured) {
          answered.put(id, System.nanoTime());
          scheduled.put(id, at);
        }
      }));
      if (n == leadIn - 1) {
        // In the 10 ms before the first measured send, so that reading /proc delays no send.
        measuring = System.nanoTime();
        cpuBefore = cpuMillis(processes);
        compilersBefore = compilerMillis(processes);
        machineBefore = MachineTicks.now();
      }
    }
    CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (System.nanoTime() < deadline && !allApplied(scheduled, placed, snapshots)) {
      Thread.sleep(100);
    }
    Map<String, Long> cpuAfter = cpuMillis(processes);
    Map<String, Long> compilersAfter = compilerMillis(processes);
    MachineTicks machine = MachineTicks.now().since(machineBefore);
    long used = 0;
    for (String name : cpuAfter.keySet()) {
      used += cpuAfter.get(name) - cpuBefore.get(name);
    }
    double busy = used / ((System.nanoTime() - measuring) / 1e6);
    // At 100/s the cores should be mostly idle; when they are not, the tail is a queue for them.
    int cores = Runtime.getRuntime().availableProcessors();
    applyCpu = ("%.2f of %d cores busy; per update %s; of it in the JIT compilers %s (the phase's own wait for the last events "
        + "included); the machine %.2f cores busy in all, %.1f%% of its time taken by the host (steal)")
        .formatted(busy, cores, perUpdate(cpuBefore, cpuAfter, OPEN_LOOP_UPDATES),
            perUpdate(compilersBefore, compilersAfter, OPEN_LOOP_UPDATES), machine.busyCores(cores),
            machine.stealPercent());
    watching.set(false);
    reading.set(false);
    commits.join();
    reader.join();
    Histogram histogram = new Histogram(3_600_000_000L, 3);
    // The stages, to see which holds the tail: the HTTP answer; the relay handing the event to the
    // producer (the record's CreateTime, a wall-clock millisecond, brought onto this JVM's nanoTime);
    // from there to committed by the alerts service.
    Histogram answer = new Histogram(3_600_000_000L, 3);
    Histogram toKafka = new Histogram(3_600_000_000L, 3);
    Histogram consumed = new Histogram(3_600_000_000L, 3);
    long wallToNano = System.nanoTime() - System.currentTimeMillis() * 1_000_000;
    for (Map.Entry<String, Long> e : scheduled.entrySet()) {
      long[] placement = placed.get(e.getKey());
      long applied = appliedAt(placement, snapshots);
      histogram.recordValue(applied == Long.MAX_VALUE ? 3_600_000_000L : Math.max(0, (applied - e.getValue()) / 1000));
      answer.recordValue(Math.max(0, (answered.get(e.getKey()) - e.getValue()) / 1000));
      if (placement != null && applied != Long.MAX_VALUE) {
        long sentAt = placement[2] * 1_000_000 + wallToNano;
        toKafka.recordValue(Math.max(0, (sentAt - e.getValue()) / 1000));
        consumed.recordValue(Math.max(0, (applied - sentAt) / 1000));
      }
    }
    applyNote = ("%d of %d events found on the topic, %d offset snapshots; p50 / p99 of the stages: request -> answered "
        + "%s, request -> handed to the producer %s, handed to the producer -> applied %s").formatted(
        scheduled.keySet().stream().filter(placed::containsKey).count(), scheduled.size(), snapshots.size(),
        medianAndP99(answer), medianAndP99(toKafka), medianAndP99(consumed));
    return histogram;
  }

  private boolean allApplied(Map<String, Long> scheduled, Map<String, long[]> placed, List<long[]> snapshots) {
    return scheduled.keySet().stream().allMatch(id -> appliedAt(placed.get(id), snapshots) != Long.MAX_VALUE);
  }

  /**
   * When the group first committed past {@code placement} ({partition, offset}), or never: the
   * snapshots' committed offsets only grow, so the first one past it is found by bisection.
   */
  private static long appliedAt(long[] placement, List<long[]> snapshots) {
    if (placement == null) {
      return Long.MAX_VALUE;
    }
    int column = 1 + (int) placement[0];
    synchronized (snapshots) {
      int low = 0;
      int high = snapshots.size();
      while (low < high) {
        int middle = (low + high) >>> 1;
        if (snapshots.get(middle)[column] > placement[1]) {
          high = middle;
        } else {
          low = middle + 1;
        }
      }
      return low < snapshots.size() ? snapshots.get(low)[0] : Long.MAX_VALUE;
    }
  }

  /**
   * The commits of {@code group} to the projects' topic as the broker records them, from now on: a
   * snapshot {seen at (nanoTime), committed offset of partition 0, 1, …} for each, the first one the
   * group's offsets as they stand; {@code started} counts down once that one is taken. Read from the
   * broker's offsets topic, which hands each commit over as it is written, rather than asked for:
   * asking every 5 ms cost the bench's JVM (the admin client, and the broker answering it) about a
   * tenth of its CPU at 100/s, on the cores the pipeline needs (docs/benchmarks.md, a sixteenth
   * sitting). A commit's key there is a version (0 or 1), the group, the topic and the partition, its
   * value a version and then the offset (no value: the offset was deleted); the topic's other records
   * (the groups' metadata) have other key versions and are passed over.
   */
  private void readCommits(Admin admin, String group, int partitions, List<long[]> snapshots, CountDownLatch started,
      AtomicBoolean watching) {
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> offsetsTopic = consumer.partitionsFor(OFFSETS_TOPIC).stream()
          .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      consumer.assign(offsetsTopic);
      consumer.seekToEnd(offsetsTopic);
      // The positions are fixed before the group's offsets are read: a commit in between is read twice, none missed.
      offsetsTopic.forEach(consumer::position);
      long[] latest = new long[1 + partitions];
      committed(admin, group).forEach((tp, offset) -> latest[1 + tp.partition()] = offset);
      latest[0] = System.nanoTime();
      synchronized (snapshots) {
        snapshots.add(latest.clone());
      }
      started.countDown();
      while (watching.get()) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(50))) {
          ByteBuffer key = ByteBuffer.wrap(r.key());
          short version = key.getShort();
          if ((version != 0 && version != 1) || r.value() == null || !group.equals(string(key))
              || !PROJECTS_TOPIC.equals(string(key))) {
            continue;
          }
          int partition = key.getInt();
          latest[1 + partition] = ByteBuffer.wrap(r.value()).getLong(Short.BYTES);
          latest[0] = System.nanoTime();
          synchronized (snapshots) {
            snapshots.add(latest.clone());
          }
        }
      }
    } catch (Exception e) {
      throw new IllegalStateException("cannot follow the commits of " + group, e);
    }
  }

  /** A string of the offsets topic's keys: its length in two bytes, then UTF-8. */
  private static String string(ByteBuffer buffer) {
    byte[] bytes = new byte[buffer.getShort()];
    buffer.get(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** Where and when each progress report landed on the topic, from {@code from} on: updateId → {partition, offset, CreateTime}. */
  private void readPlacements(Map<TopicPartition, Long> from, Map<String, long[]> placed, AtomicBoolean reading) {
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new StringDeserializer(), new StringDeserializer())) {
      consumer.assign(from.keySet());
      from.forEach(consumer::seek);
      while (reading.get()) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(50))) {
          JsonNode body = DemoApi.JSON.readTree(r.value());
          if (body.has("updateId")) {
            placed.put(body.path("updateId").asText(), new long[] {r.partition(), r.offset(), r.timestamp()});
          }
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * 10 status changes per second for {@link #OPEN_LOOP}, each on the next project in turn
   * (suspended, then resumed the next time round), sent at its scheduled time; the time from then
   * to its notification's arrival at the subscriber.
   */
  private Histogram openLoopWebhook(WebhookArrivals subscriber, List<String> alerting) throws Exception {
    Map<String, List<Long>> scheduledByProject = statusChanges(alerting, OPEN_LOOP_STATUS_CHANGES);
    Histogram histogram = new Histogram(3_600_000_000L, 3);
    for (Map.Entry<String, List<Long>> e : scheduledByProject.entrySet()) {
      BlockingQueue<Long> arrivals = subscriber.arrivals(e.getKey());
      for (long at : e.getValue()) {
        Long arrived = arrivals.poll(30, TimeUnit.SECONDS);
        histogram.recordValue(arrived == null ? 3_600_000_000L : Math.max(0, (arrived - at) / 1000));
      }
    }
    return histogram;
  }

  /**
   * Status changes at 10/s for about as long as the measured phase, not measured, as the warm-up warms
   * the update path: without them the measured phase was the first to fire alerts, fan them out to the
   * subscriptions and sign and send webhooks, and timed that code's first compilation
   * (docs/benchmarks.md, a fifteenth sitting). Right before the phase, not beside the warm-up's
   * updates: a status change costs the stack ten times an update, and the saturation's figures stay
   * comparable with earlier runs. In whole rounds, each project suspended and resumed, so the measured
   * phase's first change is a change; every notification awaited (two minutes at most) and dropped.
   */
  private String warmUpWebhooks(WebhookArrivals subscriber, List<String> alerting) throws Exception {
    int round = 2 * alerting.size();
    int count = Math.max(1, OPEN_LOOP_STATUS_CHANGES / round) * round;
    Map<String, List<Long>> scheduled = statusChanges(alerting, count);
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    int arrived = 0;
    for (Map.Entry<String, List<Long>> project : scheduled.entrySet()) {
      for (int i = 0; i < project.getValue().size(); i++) {
        long wait = Math.max(0, deadline - System.nanoTime());
        arrived += subscriber.arrivals(project.getKey()).poll(wait, TimeUnit.NANOSECONDS) == null ? 0 : 1;
      }
      subscriber.arrivals(project.getKey()).clear();
    }
    return "%d of %d status changes notified (10/s)".formatted(arrived, count);
  }

  /**
   * {@code count} status changes at 10/s, each on the next project in turn (suspended, then resumed
   * the next time round), sent at its scheduled time; returns once all were answered, with each
   * project's scheduled times.
   */
  private Map<String, List<Long>> statusChanges(List<String> alerting, int count) throws Exception {
    Map<String, List<Long>> scheduledByProject = new HashMap<>();
    long start = System.nanoTime() + 100_000_000;
    List<CompletableFuture<?>> sent = new ArrayList<>();
    for (int n = 0; n < count; n++) {
      long at = start + n * 100_000_000L;
      String project = alerting.get(n % alerting.size());
      String status = (n / alerting.size()) % 2 == 0 ? "SUSPENDED" : "UNDER_CONSTRUCTION";
      scheduledByProject.computeIfAbsent(project, p -> new ArrayList<>()).add(at);
      sleepUntil(at);
      sent.add(update(project, status));
    }
    CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
    return scheduledByProject;
  }

  /** Median time of an update to a project with 1,000 earlier updates over one to a fresh project, less one. */
  private double historyPenalty(String fresh, String long1000) throws Exception {
    for (int i = 0; i < 1000; i++) {
      update(long1000, null).get();
    }
    int rounds = 300;
    long[] freshNanos = new long[rounds];
    long[] longNanos = new long[rounds];
    for (int i = 0; i < rounds; i++) {
      long t = System.nanoTime();
      update(fresh, null).get();
      freshNanos[i] = System.nanoTime() - t;
      t = System.nanoTime();
      update(long1000, null).get();
      longNanos[i] = System.nanoTime() - t;
    }
    Arrays.sort(freshNanos);
    Arrays.sort(longNanos);
    double penalty = (double) longNanos[rounds / 2] / freshNanos[rounds / 2] - 1;
    print("history penalty", "%.1f%%: median %.1f ms with 1,000+ earlier updates, %.1f ms fresh (%d each, alternated)"
        .formatted(100 * penalty, longNanos[rounds / 2] / 1e6, freshNanos[rounds / 2] / 1e6, rounds));
    return penalty;
  }

  /** Posts a progress report (with {@code status} when not null); completes with its update id. */
  private CompletableFuture<String> update(String project, String status) {
    return update(project, status, 1);
  }

  /**
   * A 412 says the project kept changing under concurrent reports (several in flight for one project
   * once answers slow down) and asks for a retry: the bench sends it again after a short random pause,
   * as a client would, and counts it. A 503 says the service has as many requests as it takes
   * (libs/web's {@code InFlightLimit}): sent again after its {@code Retry-After}, and counted too. An
   * open-loop latency still counts from the first scheduled send.
   */
  private CompletableFuture<String> update(String project, String status, int attempt) {
    // Funds in place, not the cumulative investment: reports of one project may overtake each other
    // here, and the investment may not go down (the funds only warn).
    String body = "{\"reportDate\":\"" + TODAY + "\",\"fundsInPlace\":\"" + investment.getAndIncrement() + ".00\""
        + (status == null ? "" : ",\"status\":\"" + status + "\"") + "}";
    try {
      return http.sendAsync(HttpRequest.newBuilder(URI.create(projects + "/api/v1/projects/" + project + "/updates"))
              .header("Content-Type", "application/json").header("Authorization", Bench.bearer())
              .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString())
          .thenCompose(response -> {
            boolean busy = response.statusCode() == 503;
            if ((response.statusCode() == 412 || busy) && attempt < ATTEMPTS) {
              (busy ? shed : retried).incrementAndGet();
              long millis = busy ? 1000 * response.headers().firstValueAsLong("Retry-After").orElse(1)
                  : ThreadLocalRandom.current().nextLong(10, 100);
              Executor pause = CompletableFuture.delayedExecutor(millis, TimeUnit.MILLISECONDS);
              return CompletableFuture.supplyAsync(() -> null, pause)
                  .thenCompose(x -> update(project, status, attempt + 1));
            }
            if (response.statusCode() != 201) {
              throw new IllegalStateException("an update was answered " + response.statusCode() + ": " + response.body());
            }
            try {
              return CompletableFuture.completedFuture(DemoApi.JSON.readTree(response.body()).path("id").asText());
            } catch (IOException e) {
              throw new IllegalStateException(e);
            }
          });
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private Map<TopicPartition, Long> endOffsets(Admin admin) throws Exception {
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    admin.describeTopics(List.of(PROJECTS_TOPIC)).allTopicNames().get(30, TimeUnit.SECONDS).get(PROJECTS_TOPIC)
        .partitions().forEach(p -> latest.put(new TopicPartition(PROJECTS_TOPIC, p.partition()), OffsetSpec.latest()));
    Map<TopicPartition, Long> ends = new HashMap<>();
    admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).forEach((tp, info) -> ends.put(tp, info.offset()));
    return ends;
  }

  private static Map<TopicPartition, Long> committed(Admin admin, String group) throws Exception {
    Map<TopicPartition, Long> committed = new HashMap<>();
    for (Map.Entry<TopicPartition, OffsetAndMetadata> e : admin.listConsumerGroupOffsets(group)
        .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS).entrySet()) {
      if (e.getKey().topic().equals(PROJECTS_TOPIC) && e.getValue() != null) {
        committed.put(e.getKey(), e.getValue().offset());
      }
    }
    return committed;
  }

  private static String medianAndP99(Histogram h) {
    return "%.1f / %.1f ms".formatted(h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(99) / 1000.0);
  }

  private static String quantiles(Histogram h) {
    return "p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms (%d)".formatted(h.getValueAtPercentile(50) / 1000.0,
        h.getValueAtPercentile(90) / 1000.0, h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0,
        h.getTotalCount());
  }

  private static void sleepUntil(long nanoTime) throws InterruptedException {
    long wait = nanoTime - System.nanoTime();
    if (wait > 0) {
      TimeUnit.NANOSECONDS.sleep(wait);
    }
  }

  /** Each service's resident memory, sampled every quarter second; the largest seen. */
  private static final class Resident {
    private final Map<String, AtomicLong> max = new LinkedHashMap<>();
    private final Map<String, ServiceProcess> processes = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    Resident(Map<String, ServiceProcess> services) {
      services.keySet().forEach(name -> max.put(name, new AtomicLong()));
      processes.putAll(services);
      thread = new Thread(() -> {
        while (running.get()) {
          processes.forEach((name, process) -> max.get(name).accumulateAndGet(Bench.residentKilobytes(process.pid()), Math::max));
          try {
            Thread.sleep(250);
          } catch (InterruptedException e) {
            return;
          }
        }
      }, "bench-rss");
      thread.setDaemon(true);
      thread.start();
    }

    /**
     * Stops sampling {@code name}, before the bench stops it. A service started without a class archive
     * writes one as it exits ({@code SharedClasses}, the local stack's start-up aid, which the image does
     * not use): about 350 MB more for its last ten seconds, while it serves nothing (docs/benchmarks.md).
     */
    void forget(String name) {
      processes.remove(name);
    }

    /** Samples {@code process} from now on, a service started again in place of the one of that name. */
    void watch(String name, ServiceProcess process) {
      processes.put(name, process);
    }

    int stop() throws InterruptedException {
      running.set(false);
      thread.join();
      return (int) (max.values().stream().mapToLong(AtomicLong::get).max().orElse(0) / 1024);
    }

    String describe() {
      return max.entrySet().stream().map(e -> e.getKey() + " " + e.getValue().get() / 1024 + " MB")
          .reduce((a, b) -> a + ", " + b).orElse("");
    }
  }
}
