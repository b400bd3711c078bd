package org.shanhai.localstack;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code ./shanhai up}: the whole system on embedded defaults. A real Kafka broker (KRaft) and the
 * MongoDB wire-protocol server (file-backed) run in this JVM; every service runs from its jar as a
 * child process; Prometheus runs too when it is installed. A demo webhook subscriber prints every
 * alert to the console. The demo data is loaded once (the load is
 * idempotent), URLs are printed, and Ctrl-C stops everything cleanly. Data and logs stay under
 * {@code .shanhai/}, so a second run finds everything where the first left it.
 *
 * <p>Each port can be moved with an environment variable: KAFKA_PORT (9092), KAFKA_CONTROLLER_PORT
 * (9093), MONGODB_PORT (27017), PROJECTS_PORT (8081), PAYOUTS_PORT (8082), ALERTS_PORT (8083),
 * DEMO_SUBSCRIBER_PORT (8099, the console webhook receiver), PROMETHEUS_PORT (9090); SHANHAI_HOME moves
 * {@code .shanhai/}.
 */
public final class LocalStack {

  private static final Duration STARTUP = Duration.ofSeconds(120);

  private final PrintStream out = System.out;
  private final Path home;
  private final Path data;
  private final Path logs;
  private final List<AutoCloseable> running = new ArrayList<>();

  private LocalStack(Path home) {
    this.home = home;
    this.data = home.resolve("data");
    this.logs = home.resolve("logs");
  }

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("bench")) {
      Bench.main(Arrays.copyOfRange(args, 1, args.length));
      return;
    }
    Path home = Path.of(env("SHANHAI_HOME", ".shanhai")).toAbsolutePath();
    Files.createDirectories(home.resolve("logs"));
    System.setProperty("shanhai.logs", home.resolve("logs").toString());
    System.setProperty("logback.configurationFile", "localstack-logback.xml");
    LocalStack stack = new LocalStack(home);
    Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "shanhai-stop"));
    try {
      stack.up();
    } catch (Exception e) {
      System.err.println("\nshanhai: " + e.getMessage());
      System.err.println("logs: " + home.resolve("logs"));
      System.exit(1);
    }
    Thread.currentThread().join();
  }

  private void up() throws Exception {
    int kafkaPort = port("KAFKA_PORT", 9092);
    int controllerPort = port("KAFKA_CONTROLLER_PORT", 9093);
    int mongoPort = port("MONGODB_PORT", 27017);
    int projectsPort = port("PROJECTS_PORT", 8081);
    int payoutsPort = port("PAYOUTS_PORT", 8082);
    int alertsPort = port("ALERTS_PORT", 8083);
    int subscriberPort = port("DEMO_SUBSCRIBER_PORT", 8099);
    out.println("Shanhai Monitor — local stack (data and logs in " + home + ")");

    Files.createDirectories(data);
    MongoWireServer mongo = MongoWireServer.fileBacked(data.resolve("mongo.h2"), mongoPort).start();
    running.add(mongo);
    out.println("  MongoDB wire server   " + mongo.connectionString() + "  (H2 file " + data.resolve("mongo.h2") + ")");
    KafkaBroker kafka = new KafkaBroker(data.resolve("kafka"), kafkaPort, controllerPort, 3).start();
    running.add(kafka);
    out.println("  Kafka (KRaft)         " + kafka.bootstrapServers());

    Map<String, String> settings = Map.of(
        "spring.kafka.bootstrap-servers", kafka.bootstrapServers(),
        "spring.mongodb.uri", mongo.connectionString());
    ServiceProcess projects = service("projects", projectsPort, settings);
    ServiceProcess payouts = service("payouts", payoutsPort, settings);
    Map<String, String> alertsSettings = new java.util.HashMap<>(settings);
    // The local profile lets webhooks reach this machine (the demo subscriber, or yours).
    alertsSettings.put("spring.profiles.active", "local");
    ServiceProcess alerts = service("alerts", alertsPort, alertsSettings);
    projects.awaitReady(STARTUP);
    out.println("  projects service      " + projects.baseUrl() + "  (OpenAPI " + projects.baseUrl() + "/v3/api-docs)");
    payouts.awaitReady(STARTUP);
    out.println("  payouts service       " + payouts.baseUrl() + "  (OpenAPI " + payouts.baseUrl() + "/v3/api-docs)");
    alerts.awaitReady(STARTUP);
    out.println("  alerts service        " + alerts.baseUrl() + "  (OpenAPI " + alerts.baseUrl() + "/v3/api-docs)");
    running.add(ConsoleSubscriber.start(subscriberPort, alerts.baseUrl(), home, out));

    Path fixtures = Path.of(env("SHANHAI_FIXTURES", "deploy/demo/fixtures.json"));
    DemoData.Summary demo = new DemoData(projects.baseUrl(), payouts.baseUrl(), out).load(fixtures);
    out.printf("  demo data             %d created, %d already there, %d fixture records skipped"
        + " (outside the programme, or no stated investment)%n",
        demo.created(), demo.alreadyThere(), demo.skipped());

    Prometheus.startIfInstalled(port("PROMETHEUS_PORT", 9090),
            Map.of("projects", projectsPort, "payouts", payoutsPort, "alerts", alertsPort),
            Path.of("deploy", "prometheus", "rules"), home, out)
        .ifPresent(running::add);

    out.println();
    out.println("Try:  curl -s " + projects.baseUrl() + "/api/v1/pairings | head -c 600");
    out.println("      curl -s '" + payouts.baseUrl() + "/api/v1/payouts/summary?county=330822&year=2021'");
    out.println("      curl -s '" + alerts.baseUrl() + "/api/v1/alerts?state=FIRING' | head -c 600");
    out.println("      curl -N " + alerts.baseUrl() + "/api/v1/alerts/stream      (Server-Sent Events)");
    out.println("Metrics: " + projects.baseUrl() + "/actuator/prometheus   Health: " + projects.baseUrl()
        + "/actuator/health");
    out.println("Logs: " + logs + "   Stop: Ctrl-C");
  }

  /** Starts a service from its jar; it joins {@link #running} at once so a failed start is still stopped. */
  private ServiceProcess service(String name, int port, Map<String, String> settings) {
    ServiceProcess service = ServiceProcess.start(name, Path.of("services", name, "target", "shanhai-" + name + ".jar"),
        port, settings, logs.resolve(name + ".log"), List.of("-Xmx512m"));
    running.add(service);
    return service;
  }

  /** Stops what started, last first: services drain their outboxes while the broker is still there. */
  private synchronized void stop() {
    if (running.isEmpty()) {
      return;
    }
    out.println("\nstopping…");
    for (int i = running.size() - 1; i >= 0; i--) {
      try {
        running.get(i).close();
      } catch (Exception e) {
        System.err.println("  while stopping: " + e);
      }
    }
    running.clear();
    out.println("stopped; data kept in " + data);
  }

  private static int port(String variable, int fallback) throws IOException {
    int port = Integer.parseInt(env(variable, String.valueOf(fallback)));
    try (ServerSocket probe = new ServerSocket(port)) {
      probe.setReuseAddress(true);
    } catch (IOException e) {
      throw new IOException("port " + port + " is in use; set " + variable + " to another port", e);
    }
    return port;
  }

  private static String env(String variable, String fallback) {
    String value = System.getenv(variable);
    return value == null || value.isBlank() ? fallback : value;
  }
}
