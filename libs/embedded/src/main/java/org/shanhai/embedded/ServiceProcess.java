package org.shanhai.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One service, run from its Spring Boot jar as a child process with its settings as command-line
 * properties, its output appended to a log file. The local stack runs every service this way, and
 * tests use it to kill a service for real ({@code SIGKILL}) between a write and its publication.
 */
public final class ServiceProcess implements AutoCloseable {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  /** The java of this JVM, for the services and for extracting their jars. */
  static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

  private final String name;
  private final int port;
  private final Process process;
  private final SharedClasses.Launch launch;

  private ServiceProcess(String name, int port, Process process, SharedClasses.Launch launch) {
    this.name = name;
    this.port = port;
    this.process = process;
    this.launch = launch;
  }

  /**
   * Starts {@code jar} with {@code server.port=port} and {@code properties}; output goes to {@code log}.
   * The classes it loads are shared between its starts ({@link SharedClasses}).
   */
  public static ServiceProcess start(String name, Path jar, int port, Map<String, String> properties, Path log,
      List<String> jvmOptions) {
    SharedClasses.Launch launch = SharedClasses.prepare(jar);
    List<String> command = new ArrayList<>();
    command.add(JAVA);
    command.addAll(jvmOptions);
    command.addAll(launch.jvmOptions());
    command.add("-jar");
    command.add(launch.jar().toString());
    command.add("--server.port=" + port);
    properties.forEach((key, value) -> command.add("--" + key + "=" + value));
    try {
      Files.createDirectories(log.toAbsolutePath().getParent());
      ProcessBuilder builder = new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      // Two malloc arenas instead of up to eight per core: a JVM's native memory stays in fewer, fuller
      // heaps that the JVM can trim (docs/benchmarks.md, issue 15).
      builder.environment().put("MALLOC_ARENA_MAX", "2");
      Process process = builder.start();
      // A child outlives a JVM that forgets it: ask it to stop (gracefully) when this JVM exits.
      Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, name + "-stop"));
      return new ServiceProcess(name, port, process, launch);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name + " from " + jar, e);
    }
  }

  public String name() {
    return name;
  }

  public String baseUrl() {
    return "http://localhost:" + port;
  }

  /** Waits until the service answers its liveness probe; fails early if the process dies. */
  public ServiceProcess awaitUp(Duration timeout) {
    return awaitProbe("/actuator/health/liveness", timeout);
  }

  /** Waits until the service is ready: its MongoDB and Kafka are reachable. */
  public ServiceProcess awaitReady(Duration timeout) {
    return awaitProbe("/actuator/health/readiness", timeout);
  }

  private ServiceProcess awaitProbe(String path, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited with code " + process.exitValue() + "; see its log");
      }
      try {
        HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
          return this;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for " + name, e);
      }
      sleep(Duration.ofMillis(250));
    }
    throw new IllegalStateException(name + " not up at " + baseUrl() + path + " within " + timeout);
  }

  /** {@code SIGKILL}: no shutdown hooks, no draining, exactly like a crash. */
  public void kill() {
    process.destroyForcibly();
    waitFor(Duration.ofSeconds(10));
    launch.discard();
  }

  /** {@code SIGTERM}: Spring Boot's graceful shutdown finishes requests and drains the outbox. */
  public void stop() {
    process.destroy();
    if (waitFor(Duration.ofSeconds(40))) {
      settle();
    } else {
      kill();
    }
  }

  /**
   * Keeps the class archive a start wrote when it exited as asked ({@code SIGTERM}: 143, or 0), and
   * drops one a crash may have left unfinished.
   */
  private void settle() {
    int code = process.exitValue();
    if (code == 0 || code == 143) {
      launch.keep();
    } else {
      launch.discard();
    }
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public long pid() {
    return process.pid();
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      stop();
    } else {
      // Already stopped: by this JVM's shutdown hook, say, when the stack is closed on the way out.
      settle();
    }
  }

  private boolean waitFor(Duration timeout) {
    try {
      return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
