package org.shanhai.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Prometheus configuration: the local stack's, compose's and the Kubernetes one (service
 * discovery) pass {@code promtool check config},
 * every rule file passes {@code promtool check rules} and has unit tests that pass
 * {@code promtool test rules}; Alertmanager's passes {@code amtool check-config}. Both tools come
 * with Debian's prometheus and prometheus-alertmanager packages, which .ci/run installs.
 */
class PrometheusConfigTest {

  private static final Path PROMETHEUS = Path.of("..", "prometheus");
  private static final ExternalTool PROMTOOL = new ExternalTool("promtool", "Debian: apt-get install prometheus");
  private static final ExternalTool AMTOOL = new ExternalTool("amtool", "Debian: apt-get install prometheus-alertmanager");

  @Test
  void scrapesEveryServiceOfTheLocalStackOnItsPortAndLoadsTheRules() throws Exception {
    JsonNode config = new ObjectMapper(new YAMLFactory()).readTree(Prometheus.config(
        Map.of("projects", 8081, "payouts", 18082, "alerts", 8083), PROMETHEUS.resolve("rules").toAbsolutePath()));

    assertThat(config.path("scrape_configs")).hasSize(3);
    JsonNode projects = config.path("scrape_configs").get(2);
    assertThat(projects.path("job_name").asText()).isEqualTo("projects");
    assertThat(projects.path("metrics_path").asText()).isEqualTo("/actuator/prometheus");
    assertThat(projects.path("static_configs").get(0).path("targets").get(0).asText()).isEqualTo("localhost:8081");
    assertThat(config.path("rule_files").get(0).asText()).endsWith("rules/*.yml");
  }

  @Test
  void theComposeKubernetesAndLocalConfigurationsPassPromtool(@TempDir Path dir) throws Exception {
    Path local = dir.resolve("prometheus.yml");
    Files.writeString(local, Prometheus.config(Map.of("projects", 8081, "payouts", 8082, "alerts", 8083),
        PROMETHEUS.resolve("rules").toAbsolutePath()));

    assertThat(promtool("check", "config", PROMETHEUS.resolve("prometheus.yml").toString())).contains("SUCCESS");
    assertThat(promtool("check", "config", local.toString())).contains("SUCCESS");
  }

  /**
   * Debian's Prometheus is built without Kubernetes service discovery, so its promtool refuses
   * {@code kubernetes_sd_configs}. Everything else in the cluster configuration (relabelling, rules,
   * Alertmanager) is checked by promtool with the discovery swapped for file discovery; the
   * discovery itself must watch the overlays' namespaces for endpoints.
   */
  @Test
  void theKubernetesConfigurationPassesPromtoolAndDiscoversTheOverlaysNamespaces(@TempDir Path dir) throws Exception {
    Path file = PROMETHEUS.resolve("prometheus-kubernetes.yml");
    JsonNode discovery = new ObjectMapper(new YAMLFactory()).readTree(file.toFile())
        .path("scrape_configs").get(0).path("kubernetes_sd_configs").get(0);
    assertThat(discovery.path("role").asText()).isEqualTo("endpoints");
    for (String overlay : List.of("staging", "production")) {
      String namespace = new ObjectMapper(new YAMLFactory()).readTree(
          Path.of("..", "k8s", "overlays", overlay, "kustomization.yaml").toFile()).path("namespace").asText();
      assertThat(discovery.path("namespaces").path("names").toString()).as(overlay).contains('"' + namespace + '"');
    }

    Path swapped = dir.resolve("prometheus.yml");
    Files.writeString(swapped, Files.readString(file).replaceAll(
        "(?s)kubernetes_sd_configs:.*?(?=\\n    relabel_configs:)", "file_sd_configs:\n      - files: [targets.json]"));
    Files.createSymbolicLink(dir.resolve("rules"), PROMETHEUS.resolve("rules").toAbsolutePath());
    assertThat(Files.readString(swapped)).doesNotContain("kubernetes_sd_configs").contains("relabel_configs");
    assertThat(promtool("check", "config", swapped.toString())).contains("SUCCESS");
  }

  @Test
  void everyRuleFileIsValidAndHasPassingUnitTests() throws Exception {
    List<Path> rules;
    try (Stream<Path> files = Files.list(PROMETHEUS.resolve("rules"))) {
      rules = files.filter(f -> f.toString().endsWith(".yml")).sorted().toList();
    }
    assertThat(rules).isNotEmpty();
    for (Path file : rules) {
      Path tests = PROMETHEUS.resolve("tests").resolve(file.getFileName().toString().replace(".yml", ".test.yml"));
      assertThat(tests).as("unit tests of " + file).exists();
      assertThat(promtool("check", "rules", file.toString())).contains("SUCCESS");
      assertThat(promtool("test", "rules", tests.toString())).contains("SUCCESS").doesNotContain("FAILED");
    }
  }

  @Test
  void theAlertmanagerConfigurationPassesAmtool() throws Exception {
    assertThat(AMTOOL.run(Path.of("."), "check-config",
        Path.of("..", "alertmanager", "alertmanager.yml").toString())).contains("SUCCESS");
  }

  private static String promtool(String... args) throws IOException, InterruptedException {
    return PROMTOOL.run(Path.of("."), args);
  }
}
