package org.shanhai.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * What Grafana needs of a dashboard file before any query runs ({@link DashboardsIT} runs those):
 * a unique uid, panels with unique ids laid out on whole grid cells within the 24 columns without
 * overlapping, and every query on the provisioned Prometheus data source.
 */
class DashboardFilesTest {

  private static final Path DASHBOARDS = RunningStack.REPOSITORY.resolve(Path.of("deploy", "grafana", "dashboards"));

  @Test
  void everyDashboardLaysOutItsPanelsOnTheGridAndQueriesPrometheus() throws Exception {
    List<String> problems = new ArrayList<>();
    Set<String> uids = new HashSet<>();
    try (Stream<Path> files = Files.list(DASHBOARDS)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        JsonNode dashboard = new ObjectMapper().readTree(file.toFile());
        String name = file.getFileName().toString();
        if (!uids.add(dashboard.path("uid").asText())) {
          problems.add(name + ": uid " + dashboard.path("uid") + " is used twice");
        }
        problems.addAll(layoutProblems(name, dashboard.path("panels")));
      }
    }
    assertThat(uids).hasSize(5);
    assertThat(problems).isEmpty();
  }

  private static List<String> layoutProblems(String name, JsonNode panels) {
    List<String> problems = new ArrayList<>();
    Set<Integer> ids = new HashSet<>();
    List<int[]> placed = new ArrayList<>();
    for (JsonNode panel : panels) {
      String where = name + " / " + panel.path("title").asText();
      if (!ids.add(panel.path("id").asInt())) {
        problems.add(where + ": panel id " + panel.path("id") + " is used twice");
      }
      JsonNode grid = panel.path("gridPos");
      int[] box = new int[4];
      String[] keys = {"x", "y", "w", "h"};
      for (int i = 0; i < 4; i++) {
        if (!grid.path(keys[i]).isInt()) {
          problems.add(where + ": gridPos." + keys[i] + " is " + grid.path(keys[i]) + ", not a whole number");
        }
        box[i] = grid.path(keys[i]).asInt();
      }
      if (box[0] < 0 || box[2] < 1 || box[0] + box[2] > 24 || box[3] < 1) {
        problems.add(where + ": gridPos " + grid + " is not within the 24 columns");
      }
      for (int[] other : placed) {
        if (box[0] < other[0] + other[2] && other[0] < box[0] + box[2] && box[1] < other[1] + other[3]
            && other[1] < box[1] + box[3]) {
          problems.add(where + ": overlaps another panel");
        }
      }
      placed.add(box);
      panel.path("targets").forEach(t -> {
        if (!"prometheus".equals(t.path("datasource").path("uid").asText())) {
          problems.add(where + ": a query not on the Prometheus data source");
        }
      });
    }
    return problems;
  }
}
