package org.shanhai.localstack;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.shanhai.embedded.ServiceProcess;

/**
 * {@code ./shanhai up}: the whole system on embedded defaults. A real Kafka broker (KRaft) and the
 * MongoDB wire-protocol server (file-backed) run in this JVM; Keycloak, the identity provider, with
 * the realm and demo users of deploy/keycloak, and every service run as child processes; Prometheus
 * runs too when it is installed. A demo webhook subscriber prints every
 * alert in this terminal. The demo data is loaded once (the load is idempotent), URLs are printed, and
 * Ctrl-C stops everything cleanly. Data and logs stay under {@code .shanhai/}, so a second run finds
 * everything where the first left it.
 *
 * <p>Each port can be moved with an environment variable: KAFKA_PORT (9092), KAFKA_CONTROLLER_PORT
 * (9093), MONGODB_PORT (27017), PROJECTS_PORT (8081), PAYOUTS_PORT (8082), ALERTS_PORT (8083),
 * KEYCLOAK_PORT (8180), CONSOLE_PORT (8080, the officers' console), DEMO_SUBSCRIBER_PORT (8099, the demo
 * webhook receiver that prints alerts in this terminal), PROMETHEUS_PORT (9090); SHANHAI_HOME moves
 * {@code .shanhai/}.
 *
 * <p>{@code ./shanhai token USER} prints an access token for a demo user of the running stack.
 */
public final class LocalStack {

  /** Where each part listens. */
  record Ports(int kafka, int controller, int mongo, int projects, int payouts, int alerts, int keycloak,
      int subscriber, int console) {

    static Ports fromEnvironment() throws IOException {
      return new Ports(port("KAFKA_PORT", 9092), port("KAFKA_CONTROLLER_PORT", 9093), port("MONGODB_PORT", 27017),
          port("PROJECTS_PORT", 8081), port("PAYOUTS_PORT", 8082), port("ALERTS_PORT", 8083),
          port("KEYCLOAK_PORT", 8180), port("DEMO_SUBSCRIBER_PORT", 8099), port("CONSOLE_PORT", 8080));
    }

    static Ports free() {
      return new Ports(org.shanhai.embedded.Ports.free(), org.shanhai.embedded.Ports.free(),
          org.shanhai.embedded.Ports.free(), org.shanhai.embedded.Ports.free(), org.shanhai.embedded.Ports.free(),
          org.shanhai.embedded.Ports.free(), org.shanhai.embedded.Ports.free(), org.shanhai.embedded.Ports.free(),
          org.shanhai.embedded.Ports.free());
    }
  }

  /** A running system: its parts, where the services answer, how to get tokens, and what the demo data load did. */
  record Running(EmbeddedStack stack, Keycloak keycloak, ServiceProcess projects, ServiceProcess payouts,
      ServiceProcess alerts, ServiceProcess console, Tokens tokens, DemoData.Summary demo) implements AutoCloseable {

    @Override
    public void close() {
      stack.close();
    }
  }

  private LocalStack() {
  }

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("bench")) {
      // Before anything creates the common pool. On two cores it would have one thread, and then every
      // CompletableFuture stage run "async" without an executor gets a new thread of its own: the JDK's
      // HttpClient hands each response to such a stage, so the benches' load started a thread per
      // request, on the cores they measure (docs/benchmarks.md, a sixteenth sitting).
      System.setProperty("java.util.concurrent.ForkJoinPool.common.parallelism",
          String.valueOf(Math.max(2, Runtime.getRuntime().availableProcessors() - 1)));
      Bench.main(Arrays.copyOfRange(args, 1, args.length));
      return;
    }
    if (args.length > 0 && args[0].equals("import")) {
      int keycloak = Integer.parseInt(env("KEYCLOAK_PORT", "8180"));
      System.exit(ImportCommand.run(Arrays.copyOfRange(args, 1, args.length),
          "http://localhost:" + env("PROJECTS_PORT", "8081"), "http://localhost:" + keycloak + "/realms/"
              + Keycloak.REALM + "/protocol/openid-connect/token"));
    }
    if (args.length > 0 && args[0].equals("projections")) {
      int keycloak = Integer.parseInt(env("KEYCLOAK_PORT", "8180"));
      System.exit(ProjectionsCommand.run(Arrays.copyOfRange(args, 1, args.length), "http://localhost:" + keycloak
          + "/realms/" + Keycloak.REALM + "/protocol/openid-connect/token"));
    }
    if (args.length > 0 && args[0].equals("chaos")) {
      System.exit(ChaosRun.run(Arrays.copyOfRange(args, 1, args.length), Path.of(""), System.out));
    }
    if (args.length > 0 && args[0].equals("token")) {
      System.exit(token(Arrays.copyOfRange(args, 1, args.length)));
    }
    Path home = Path.of(env("SHANHAI_HOME", ".shanhai")).toAbsolutePath();
    Files.createDirectories(home.resolve("logs"));
    System.setProperty("shanhai.logs", home.resolve("logs").toString());
    System.setProperty("logback.configurationFile", "localstack-logback.xml");
    PrintStream out = System.out;
    out.println("Shanhai Monitor — local stack (data and logs in " + home + ")");
    Running running;
    try {
      running = up(Path.of(""), home, Ports.fromEnvironment(), true, Map.of(), out);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        out.println("\nstopping…");
        running.close();
        out.println("stopped; data kept in " + home.resolve("data"));
      }, "shanhai-stop"));
      Prometheus.startIfInstalled(port("PROMETHEUS_PORT", 9090), Map.of("projects", port(running.projects()),
              "payouts", port(running.payouts()), "alerts", port(running.alerts()),
              "console", port(running.console())),
          Path.of("deploy", "prometheus", "rules"), home, out)
          .ifPresent(running.stack()::add);
    } catch (Exception e) {
      System.err.println("\nshanhai: " + e.getMessage());
      System.err.println("logs: " + home.resolve("logs"));
      System.exit(1);
      return;
    }
    out.println();
    out.println("Open: " + running.console().baseUrl() + "   (the officers' console: sign in as officer.changshan / "
        + "changshan-demo, or another demo user above)");
    String bearer = "-H \"Authorization: Bearer $(./shanhai token officer.changshan)\" ";
    out.println("Try:  curl -s " + bearer + running.projects().baseUrl() + "/api/v1/pairings | head -c 600");
    out.println("      curl -s " + bearer + "'" + running.payouts().baseUrl()
        + "/api/v1/payouts/summary?county=330822&year=2021'");
    out.println("      curl -s " + bearer + "'" + running.alerts().baseUrl()
        + "/api/v1/alerts?state=FIRING' | head -c 600");
    out.println("      curl -N " + bearer + running.alerts().baseUrl()
        + "/api/v1/alerts/stream      (Server-Sent Events)");
    out.println("Metrics: " + running.projects().baseUrl() + "/actuator/prometheus   Health: "
        + running.projects().baseUrl() + "/actuator/health");
    out.println("Logs: " + home.resolve("logs") + "   Stop: Ctrl-C");
    Thread.currentThread().join();
  }

  /**
   * Brings the system up and loads the demo data, printing where everything is. The tests of the
   * whole stack bring it up the same way, on free ports.
   *
   * @param repository the checkout whose services' jars are run
   * @param durable whether the database survives a restart (a file) or not (memory)
   * @param settings more settings for every service
   */
  static Running up(Path repository, Path home, Ports ports, boolean durable, Map<String, String> settings,
      PrintStream out) throws Exception {
    EmbeddedStack stack = new EmbeddedStack(repository, home, durable, ports.mongo(), ports.kafka(),
        ports.controller());
    try {
      out.println("  MongoDB wire server   " + stack.mongo().connectionString()
          + (durable ? "  (H2 file " + home.resolve("data").resolve("mongo.h2") + ")" : ""));
      out.println("  Kafka (KRaft)         " + stack.kafka().bootstrapServers());
      // Keycloak starts alongside the services: each takes most of a minute.
      Keycloak keycloak = stack.identityProvider(ports.keycloak(), ports.console());
      ServiceProcess projects = stack.service("projects", ports.projects(), settings);
      ServiceProcess payouts = stack.service("payouts", ports.payouts(), settings);
      // The local profile lets webhooks reach this machine (the demo subscriber, or yours).
      ServiceProcess alerts = stack.service("alerts", ports.alerts(), with(settings, "spring.profiles.active", "local"));
      for (ServiceProcess service : new ServiceProcess[] {projects, payouts, alerts}) {
        service.awaitReady(EmbeddedStack.STARTUP);
        out.printf("  %-21s %s  (OpenAPI %s/v3/api-docs)%n", service.name() + " service", service.baseUrl(),
            service.baseUrl());
      }
      keycloak.awaitReady(EmbeddedStack.STARTUP);
      out.printf("  %-21s %s  (realm %s; admin console %s/admin as %s / %s)%n", "Keycloak", keycloak.base(),
          Keycloak.REALM, keycloak.base(), Keycloak.ADMIN, Keycloak.ADMIN_PASSWORD);
      out.println("  demo users, user / password (roles and counties in " + DemoUsers.FILE + "):");
      for (DemoUsers.User user : DemoUsers.read(repository).users()) {
        out.println("  " + user.name() + " / " + user.password());
      }
      ServiceProcess console = stack.console(ports.console(), projects.baseUrl(), payouts.baseUrl(), alerts.baseUrl())
          .awaitReady(EmbeddedStack.STARTUP);
      Tokens tokens = new Tokens(keycloak.tokenEndpoint());
      stack.add(TerminalSubscriber.start(ports.subscriber(), alerts.baseUrl(), tokens, home, out));
      DemoData.Summary demo = new DemoData(projects.baseUrl(), payouts.baseUrl(), tokens, out)
          .load(repository.resolve(Path.of("deploy", "demo", "fixtures.json")));
      out.printf("  demo data             %d created, %d already there%s%n", demo.created(), demo.alreadyThere(),
          demo.skipped().isEmpty() ? "" : "; not loaded: " + demo.skipped().entrySet().stream()
              .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", ")));
      out.printf("  %-21s %s  (officers' console: sign in as a demo user above)%n", "console", console.baseUrl());
      return new Running(stack, keycloak, projects, payouts, alerts, console, tokens, demo);
    } catch (Exception | Error e) {
      stack.close();
      throw e;
    }
  }

  /** {@code ./shanhai token USER}: a demo user's access token on standard output, for curl. */
  private static int token(String[] args) {
    if (args.length != 1) {
      System.err.println("usage: ./shanhai token USER   (a demo user of the running stack; ./shanhai up lists them)");
      return 2;
    }
    int port = Integer.parseInt(env("KEYCLOAK_PORT", "8180"));
    try {
      String password = DemoUsers.read(Path.of("")).password(args[0]);
      System.out.println(new Tokens("http://localhost:" + port + "/realms/" + Keycloak.REALM
          + "/protocol/openid-connect/token").user(args[0], password));
      return 0;
    } catch (IOException e) {
      System.err.println("shanhai token: " + (e instanceof java.net.ConnectException
          ? "no answer from Keycloak on port " + port + " (is ./shanhai up running? KEYCLOAK_PORT moves it)"
          : e.getMessage()));
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    }
  }

  private static Map<String, String> with(Map<String, String> settings, String key, String value) {
    Map<String, String> all = new HashMap<>(settings);
    all.put(key, value);
    return all;
  }

  static int port(ServiceProcess service) {
    return Integer.parseInt(service.baseUrl().substring(service.baseUrl().lastIndexOf(':') + 1));
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
