package org.shanhai.localstack;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Debian's Prometheus, when installed, scraping every service of the local stack. Its configuration
 * is written for the ports in use, beside the data it keeps.
 */
final class Prometheus implements AutoCloseable {

  private final Process process;

  private Prometheus(Process process) {
    this.process = process;
  }

  /** Starts Prometheus on {@code port} scraping {@code services} (name to port) with the rules in {@code rules}. */
  static Optional<Prometheus> startIfInstalled(int port, Map<String, Integer> services, Path rules, Path home,
      PrintStream out) throws IOException {
    Optional<Path> binary = Optional.ofNullable(System.getenv("PATH")).stream()
        .flatMap(path -> java.util.Arrays.stream(path.split(java.io.File.pathSeparator)))
        .map(dir -> Path.of(dir, "prometheus")).filter(Files::isExecutable).findFirst();
    if (binary.isEmpty()) {
      out.println("  Prometheus            not installed (apt-get install prometheus); metrics stay at /actuator/prometheus");
      return Optional.empty();
    }
    Path logs = Files.createDirectories(home.resolve("logs"));
    Path config = home.resolve("prometheus.yml");
    Files.writeString(config, config(services, rules.toAbsolutePath()));
    Process process = new ProcessBuilder(binary.get().toString(), "--config.file=" + config,
        "--storage.tsdb.path=" + home.resolve("data").resolve("prometheus"),
        "--web.listen-address=localhost:" + port)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve("prometheus.log").toFile()))
        .start();
    out.println("  Prometheus            http://localhost:" + port);
    return Optional.of(new Prometheus(process));
  }

  /** Scrapes {@code services} (name to port) every 5 s and evaluates the rules in {@code rules} (deploy/prometheus/rules). */
  static String config(Map<String, Integer> services, Path rules) {
    String jobs = services.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .map(s -> """
              - job_name: %s
                metrics_path: /actuator/prometheus
                static_configs:
                  - targets: ['localhost:%d']
            """.formatted(s.getKey(), s.getValue()))
        .collect(Collectors.joining());
    return "global:\n  scrape_interval: 5s\n  evaluation_interval: 5s\nrule_files:\n  - '" + rules.resolve("*.yml")
        + "'\nscrape_configs:\n" + jobs;
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
