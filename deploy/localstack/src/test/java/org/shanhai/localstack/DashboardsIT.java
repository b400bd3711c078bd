package org.shanhai.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shanhai.embedded.Ports;

/**
 * Grafana cannot run here, so its dashboards are tested the way that matters: the whole stack runs
 * from its jars with the demo data and a demo subscriber, a real Prometheus (Debian's) scrapes it
 * with the rules of deploy/prometheus, and every panel's query, with its template variables
 * resolved as Grafana would (first value of the variable's query in its sort order), must succeed,
 * return data, and name only metrics that exist.
 */
class DashboardsIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Path DASHBOARDS = RunningStack.REPOSITORY.resolve(Path.of("deploy", "grafana", "dashboards"));
  private static final Path RULES = RunningStack.REPOSITORY.resolve(Path.of("deploy", "prometheus", "rules"));
  private static final Duration SETTLE = Duration.ofMinutes(3);
  /** Counters that appear only after the first such event; their panels fall back to 0 until then. */
  private static final Set<String> APPEAR_LATER = Set.of("shanhai_events_dead_lettered_total");
  private static final Pattern METRIC = Pattern.compile("\\b([a-z_]+:[a-z0-9_:]+|shanhai_[a-z0-9_]+|http_[a-z0-9_]+"
      + "|jvm_[a-z0-9_]+|spring_[a-z0-9_]+|up)\\b(?=\\s*[{\\[)])");

  @Test
  void everyPanelOfEveryDashboardHasDataOnTheRunningStack(@TempDir Path home) throws Exception {
    assumeTrue(onPath("prometheus"), "Prometheus is not installed here (Debian: apt-get install prometheus); "
        + ".ci/run installs it, so CI runs this test");
    LocalStack.Running stack = RunningStack.get();
    int port = Ports.free();
    try (Prometheus prometheus = Prometheus.startIfInstalled(port, Map.of("projects", LocalStack.port(stack.projects()),
            "payouts", LocalStack.port(stack.payouts()), "alerts", LocalStack.port(stack.alerts())), RULES, home,
        new PrintStream(OutputStream.nullOutputStream())).orElseThrow()) {
      assertEveryPanelHasData("http://localhost:" + port);
    }
  }

  /** Retries until every panel has data or {@link #SETTLE} passes: scrapes, rule rounds and metric refreshes take a few seconds. */
  private static void assertEveryPanelHasData(String prometheus) throws Exception {
    List<Path> dashboards;
    try (Stream<Path> files = Files.list(DASHBOARDS)) {
      dashboards = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    }
    assertThat(dashboards).hasSize(5);
    long deadline = System.nanoTime() + SETTLE.toNanos();
    List<String> problems;
    do {
      Thread.sleep(5_000);
      problems = new ArrayList<>();
      for (Path file : dashboards) {
        problems.addAll(problems(prometheus, JSON.readTree(file.toFile()), file.getFileName().toString()));
      }
    } while (!problems.isEmpty() && System.nanoTime() < deadline);
    if (!problems.isEmpty()) {
      fail("panels without data after " + SETTLE + ":\n  " + String.join("\n  ", problems));
    }
  }

  private static List<String> problems(String prometheus, JsonNode dashboard, String name) throws Exception {
    List<String> problems = new ArrayList<>();
    Map<String, String> variables = new LinkedHashMap<>();
    for (JsonNode variable : dashboard.path("templating").path("list")) {
      String value = firstValue(prometheus, substitute(variable.path("query").path("query").asText(), variables),
          variable.path("sort").asInt());
      if (value == null) {
        problems.add(name + ": variable $" + variable.path("name").asText() + " has no values");
        return problems;
      }
      variables.put(variable.path("name").asText(), value);
    }
    for (JsonNode panel : dashboard.path("panels")) {
      for (JsonNode target : panel.path("targets")) {
        String expr = substitute(target.path("expr").asText(), variables);
        String where = name + " / " + panel.path("title").asText() + " / " + expr;
        JsonNode answer = query(prometheus, expr);
        if (!"success".equals(answer.path("status").asText())) {
          problems.add(where + ": " + answer.path("error").asText());
        } else if (answer.path("data").path("result").isEmpty()) {
          problems.add(where + ": no data");
        }
        for (String metric : metrics(expr)) {
          if (!APPEAR_LATER.contains(metric) && query(prometheus, "count(" + metric + ")").path("data")
              .path("result").isEmpty()) {
            problems.add(where + ": no series of " + metric);
          }
        }
      }
    }
    return problems;
  }

  /** The metric names an expression reads (not its functions, labels or keywords). */
  static Set<String> metrics(String expr) {
    Set<String> names = new TreeSet<>();
    Matcher m = METRIC.matcher(expr.replaceAll("\"[^\"]*\"", "\"\""));
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  /** Grafana's {@code label_values(selector, label)}: the first value in the variable's sort order. */
  private static String firstValue(String prometheus, String query, int sort) throws Exception {
    Matcher m = Pattern.compile("label_values\\((.+),\\s*([a-z_]+)\\)").matcher(query);
    assertThat(m.matches()).as("variable query " + query).isTrue();
    JsonNode result = query(prometheus, "group by (" + m.group(2) + ") (" + m.group(1) + ")").path("data")
        .path("result");
    List<String> values = new ArrayList<>();
    result.forEach(r -> values.add(r.path("metric").path(m.group(2)).asText()));
    Comparator<String> order = switch (sort) {
      case 2 -> Comparator.<String>naturalOrder().reversed();
      case 3 -> Comparator.comparingDouble(Double::parseDouble);
      case 4 -> Comparator.<String>comparingDouble(Double::parseDouble).reversed();
      default -> Comparator.naturalOrder();
    };
    return values.stream().filter(v -> !v.isEmpty()).sorted(order).findFirst().orElse(null);
  }

  private static String substitute(String text, Map<String, String> variables) {
    String result = text;
    for (Map.Entry<String, String> v : variables.entrySet()) {
      result = result.replace("$" + v.getKey(), v.getValue());
    }
    return result;
  }

  private static JsonNode query(String prometheus, String expr) throws Exception {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(prometheus + "/api/v1/query?query="
        + URLEncoder.encode(expr, StandardCharsets.UTF_8))).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(response.body());
  }

  private static boolean onPath(String command) {
    return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
        .map(d -> Path.of(d, command)).anyMatch(Files::isExecutable);
  }
}
