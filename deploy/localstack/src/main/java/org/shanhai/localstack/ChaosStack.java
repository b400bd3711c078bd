package org.shanhai.localstack;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.netcrusher.core.reactor.NioReactor;
import org.shanhai.embedded.Ports;
import org.shanhai.embedded.ServiceProcess;

/**
 * The chaos run's throw-away system on free loopback ports: the broker and a file-backed database in
 * this JVM, each behind a {@link ChaosProxy} through which every service connects (the broker
 * advertises its proxy's port, so connections after bootstrap go through it too); Keycloak and the
 * three services as child processes, which the fault schedule kills and starts again.
 */
final class ChaosStack implements AutoCloseable {

  static final List<String> SERVICES = List.of("projects", "payouts", "alerts");

  private final EmbeddedStack stack;
  private final ChaosProxy kafkaProxy;
  private final ChaosProxy mongoProxy;
  private final Keycloak keycloak;
  private final Map<String, Integer> ports = new LinkedHashMap<>();
  private final Map<String, Map<String, String>> settings = new HashMap<>();
  private final Map<String, ServiceProcess> running = new ConcurrentHashMap<>();

  private ChaosStack(EmbeddedStack stack, ChaosProxy kafkaProxy, ChaosProxy mongoProxy, Keycloak keycloak) {
    this.stack = stack;
    this.kafkaProxy = kafkaProxy;
    this.mongoProxy = mongoProxy;
    this.keycloak = keycloak;
  }

  static ChaosStack start(Path repository, Path home, PrintStream out) throws Exception {
    int kafka = Ports.free();
    int kafkaProxyPort = Ports.free();
    int mongo = Ports.free();
    NioReactor reactor = new NioReactor();
    EmbeddedStack stack = new EmbeddedStack(repository, home, true, mongo, kafka, Ports.free(), kafkaProxyPort);
    try {
      stack.add(reactor::close);
      ChaosProxy kafkaProxy = stack.add(new ChaosProxy("broker", reactor, kafkaProxyPort, kafka));
      ChaosProxy mongoProxy = stack.add(new ChaosProxy("database", reactor, Ports.free(), mongo));
      Keycloak keycloak = stack.identityProvider(Ports.free());
      ChaosStack chaos = new ChaosStack(stack, kafkaProxy, mongoProxy, keycloak);
      String database = "mongodb://localhost:" + chaos.mongoProxy.port();
      // Clocks every five seconds, so payouts fall due and rules run while the faults play; webhook
      // retries after 1 s, doubling up to 4 s, 20 attempts: a subscriber down for seconds is waited out
      // within the run, as one down for hours is in production (5 s doubling up to 10 h).
      Map<String, String> common = Map.of("spring.mongodb.uri", database,
          "shanhai.payouts.clock-interval", "PT5S", "shanhai.alerts.clock-interval", "PT5S");
      chaos.define("projects", common);
      chaos.define("payouts", common);
      Map<String, String> alerts = new HashMap<>(common);
      alerts.putAll(Map.of("spring.profiles.active", "local", "shanhai.alerts.delivery.first-retry", "PT1S",
          "shanhai.alerts.delivery.max-retry-delay", "PT4S", "shanhai.alerts.delivery.max-attempts", "20",
          "shanhai.alerts.delivery.response-timeout", "PT2S"));
      chaos.define("alerts", alerts);
      for (String service : SERVICES) {
        chaos.startService(service);
      }
      for (String service : SERVICES) {
        chaos.awaitReady(service);
        out.printf("  %-9s %s (pid %d)%n", service, chaos.running.get(service).baseUrl(),
            chaos.running.get(service).pid());
      }
      keycloak.awaitReady(EmbeddedStack.STARTUP);
      out.println("  broker    " + stack.kafka().bootstrapServers() + " → localhost:" + kafka + " (proxied)");
      out.println("  database  " + database + " → localhost:" + mongo + " (proxied, H2 file)");
      return chaos;
    } catch (Exception | Error e) {
      stack.close();
      throw e;
    }
  }

  private void define(String service, Map<String, String> properties) {
    ports.put(service, Ports.free());
    settings.put(service, Map.copyOf(properties));
  }

  /** Starts the service's process (again) on its port; returns at once. */
  void startService(String service) {
    running.put(service, stack.service(service, ports.get(service), settings.get(service)));
  }

  void awaitReady(String service) {
    running.get(service).awaitReady(EmbeddedStack.STARTUP);
  }

  /** {@code SIGKILL}, as a crash or an out-of-memory kill: no shutdown, no draining. */
  void kill(String service) {
    running.get(service).kill();
  }

  String baseUrl(String service) {
    return "http://localhost:" + ports.get(service);
  }

  long pid(String service) {
    return running.get(service).pid();
  }

  Keycloak keycloak() {
    return keycloak;
  }

  ChaosProxy kafkaProxy() {
    return kafkaProxy;
  }

  ChaosProxy mongoProxy() {
    return mongoProxy;
  }

  /** Where clients reach the broker: through its proxy. */
  String bootstrapServers() {
    return stack.kafka().bootstrapServers();
  }

  /** Stops the broker cleanly (it runs in this JVM; a crash cannot be had here) and starts it again after {@code down}. */
  void restartBroker(Duration down) {
    stack.kafka().stop();
    sleep(down);
    stack.kafka().start();
  }

  /** Crashes the database (every connection dropped, the file closed) and starts it again after {@code down}. */
  void restartDatabase(Duration down) {
    stack.mongo().stop();
    sleep(down);
    stack.mongo().start();
  }

  /** Puts every part back as it should be: proxies open without delay, broker, database and services up. */
  void restoreAll() {
    kafkaProxy.restore();
    mongoProxy.restore();
    stack.kafka().start();
    stack.mongo().start();
    for (String service : SERVICES) {
      if (!running.get(service).isAlive()) {
        startService(service);
      }
    }
    for (String service : SERVICES) {
      awaitReady(service);
    }
  }

  static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  @Override
  public void close() {
    stack.close();
  }
}
