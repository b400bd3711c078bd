package org.shanhai.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.shanhai.embedded.KafkaBroker;
import org.shanhai.embedded.MongoWireServer;
import org.shanhai.embedded.ServiceProcess;

/**
 * A stack on this machine: the Kafka broker and the MongoDB wire server in this JVM, the identity
 * provider (Keycloak) and the services from their jars as child processes that find them through
 * the standard Spring Boot properties. The local stack, the benches and the whole-stack tests all start theirs with it.
 * Closing it stops what it started, last first, so services drain their outboxes while the broker is
 * still there.
 */
final class EmbeddedStack implements AutoCloseable {

  static final Duration STARTUP = Duration.ofSeconds(180);

  /**
   * How each service's JVM runs here, as measured by {@code ./shanhai bench} (docs/benchmarks.md,
   * issue 15): a 96 MB heap (the live sets are 23–38 MB; a 50,000-row import runs in it); the serial
   * collector, which keeps no per-region bookkeeping (G1's took 45 MB per service) and is what the
   * JVM picks by itself in a container under 1.8 GB; and freed native memory (mostly the JIT
   * compilers' scratch space) handed back to the system every 5 s instead of staying resident. A
   * service out of heap exits rather than linger with its event loops dead, taking connections it
   * never answers. The context starts from the bean definitions its build worked out (Spring's
   * ahead-of-time processing, {@code process-aot} in each service's pom) instead of evaluating every
   * configuration class and condition again: a quarter less CPU and time to ready. The conditions
   * are those of the build's settings; nothing the stack sets at a start switches a bean on or off.
   */
  static final List<String> SERVICE_JVM = List.of("-XX:+UseSerialGC", "-Xmx96m", "-XX:TrimNativeHeapInterval=5000",
      "-XX:+ExitOnOutOfMemoryError", "-Dspring.aot.enabled=true");

  private final Path repository;
  private final Path home;
  private final Path logs;
  private final List<AutoCloseable> running = new ArrayList<>();
  private final MongoWireServer mongo;
  private final KafkaBroker kafka;
  private Keycloak keycloak;

  /**
   * @param repository the checkout whose {@code services/<name>/target/shanhai-<name>.jar} are run
   * @param home where the broker's log, the wire server's file (when {@code durable}) and the logs go
   */
  EmbeddedStack(Path repository, Path home, boolean durable, int mongoPort, int kafkaPort, int controllerPort)
      throws Exception {
    this(repository, home, durable, mongoPort, kafkaPort, controllerPort, kafkaPort);
  }

  /**
   * @param kafkaAdvertisedPort where the broker tells clients to connect: a proxy's port in front of
   *     {@code kafkaPort} when every connection must go through it (the chaos run)
   */
  EmbeddedStack(Path repository, Path home, boolean durable, int mongoPort, int kafkaPort, int controllerPort,
      int kafkaAdvertisedPort) throws Exception {
    this.repository = repository;
    this.home = home;
    this.logs = Files.createDirectories(home.resolve("logs"));
    Path data = Files.createDirectories(home.resolve("data"));
    this.mongo = add(durable ? MongoWireServer.fileBacked(data.resolve("mongo.h2"), mongoPort)
        : MongoWireServer.inMemory(mongoPort)).start();
    this.kafka = add(new KafkaBroker(data.resolve("kafka"), kafkaPort, controllerPort, 3, kafkaAdvertisedPort)).start();
  }

  MongoWireServer mongo() {
    return mongo;
  }

  KafkaBroker kafka() {
    return kafka;
  }

  /**
   * Starts Keycloak on {@code port} with the realm of {@code deploy/keycloak} and its demo users, its
   * console client pointing at the console on {@code consolePort}; the services started after it
   * check its tokens. Returns at once; wait with {@link Keycloak#awaitReady}.
   */
  Keycloak identityProvider(int port, int consolePort) throws IOException {
    return identityProvider(port, "http://localhost:" + consolePort);
  }

  /** The identity provider for a stack without the console (the benches). */
  Keycloak identityProvider(int port) throws IOException {
    return identityProvider(port, (String) null);
  }

  private Keycloak identityProvider(int port, String consoleUrl) throws IOException {
    Path realm = repository.resolve(Path.of("deploy", "keycloak"));
    Path distribution = repository.resolve(Path.of("deploy", "localstack", "target", "keycloak"));
    keycloak = add(Keycloak.start(distribution, home, port,
        List.of(realm.resolve("shanhai-realm.json"), repository.resolve(DemoUsers.FILE)),
        consoleUrl, logs.resolve("keycloak.log")));
    return keycloak;
  }

  /**
   * Starts a service from its jar on {@code port} with {@code settings} besides the broker, the
   * database (unless {@code settings} name another way to it, such as a proxy) and the identity provider.
   */
  ServiceProcess service(String name, int port, Map<String, String> settings) {
    Map<String, String> all = new HashMap<>(settings);
    if (keycloak != null) {
      all.putAll(keycloak.resourceServerSettings());
    }
    all.put("spring.kafka.bootstrap-servers", kafka.bootstrapServers());
    all.putIfAbsent("spring.mongodb.uri", mongo.connectionString());
    return add(ServiceProcess.start(name, repository.resolve(Path.of("services", name, "target",
        "shanhai-" + name + ".jar")), port, all, logs.resolve(name + ".log"), SERVICE_JVM));
  }

  /**
   * Starts the officers' console on {@code port}, signing officers in with the identity provider
   * (which must be ready: the console reads its discovery document at start) and calling the
   * services at the given base URLs.
   */
  ServiceProcess console(int port, String projects, String payouts, String alerts) {
    Map<String, String> settings = new HashMap<>(keycloak.consoleSettings());
    settings.put("shanhai.console.projects", projects);
    settings.put("shanhai.console.payouts", payouts);
    settings.put("shanhai.console.alerts", alerts);
    // Plain http on localhost: the session cookie cannot be Secure here.
    settings.put("spring.profiles.active", "local");
    return add(ServiceProcess.start("console", repository.resolve(Path.of("services", "console", "target",
        "shanhai-console.jar")), port, settings, logs.resolve("console.log"), List.of("-Xmx256m")));
  }

  /** Something else to stop with the stack (a subscriber, Prometheus). */
  <T extends AutoCloseable> T add(T resource) {
    running.add(resource);
    return resource;
  }

  @Override
  public synchronized void close() {
    for (int i = running.size() - 1; i >= 0; i--) {
      try {
        running.get(i).close();
      } catch (Exception e) {
        System.err.println("  while stopping: " + e);
      }
    }
    running.clear();
  }
}
