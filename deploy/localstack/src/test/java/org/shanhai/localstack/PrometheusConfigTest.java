package org.shanhai.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

class PrometheusConfigTest {

  @Test
  void scrapesEveryServiceOfTheLocalStackOnItsPort() throws Exception {
    JsonNode config = new ObjectMapper(new YAMLFactory())
        .readTree(Prometheus.config(Map.of("projects", 8081, "payouts", 18082)));

    assertThat(config.path("scrape_configs")).hasSize(2);
    JsonNode projects = config.path("scrape_configs").get(1);
    assertThat(projects.path("job_name").asText()).isEqualTo("projects");
    assertThat(projects.path("metrics_path").asText()).isEqualTo("/actuator/prometheus");
    assertThat(projects.path("static_configs").get(0).path("targets").get(0).asText()).isEqualTo("localhost:8081");
  }
}
