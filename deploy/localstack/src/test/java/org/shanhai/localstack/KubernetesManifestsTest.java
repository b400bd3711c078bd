package org.shanhai.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Kubernetes manifests: each overlay renders with {@code kubectl kustomize} (offline), every
 * object it renders passes its API schema (Kubernetes, Prometheus Operator, Strimzi; checked by
 * deploy/k8s/validate with the kubernetes-models packages), and the objects fit together and fit
 * the services: probes on the health groups, resources, graceful shutdown, a Service, autoscaler,
 * disruption budget, scraping and network policy for every service, an Ingress that routes every
 * path of each service's OpenAPI document to it, and a KafkaTopic for every topic the services use,
 * co-partitioned, with no more consumer instances than partitions.
 */
class KubernetesManifestsTest {

  private static final Path ROOT = Path.of("..", "..");
  private static final Path K8S = ROOT.resolve("deploy/k8s");
  /** The services with an API, a database and topics. */
  private static final List<String> API_SERVICES = List.of("projects", "payouts", "alerts");
  /** Every Deployment: the API services and the officers' console. */
  private static final List<String> SERVICES = List.of("projects", "payouts", "alerts", "console");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ExternalTool KUBECTL = new ExternalTool("kubectl", "from the Kubernetes or Google Cloud apt repository");
  private static final ExternalTool NODE = new ExternalTool("node", "Debian: apt-get install nodejs");
  private static final ExternalTool NPM = new ExternalTool("npm", "Debian: apt-get install npm");

  @ParameterizedTest
  @ValueSource(strings = {"staging", "production"})
  void everyObjectOfTheOverlayPassesItsSchema(String overlay, @TempDir Path dir) throws Exception {
    List<JsonNode> objects = render(overlay);
    Path file = dir.resolve(overlay + ".json");
    JSON.writeValue(file.toFile(), objects);
    Path validate = K8S.resolve("validate");
    if (!Files.isDirectory(validate.resolve("node_modules"))) {
      NPM.run(validate, "ci", "--no-audit", "--no-fund", "--loglevel=error");
    }

    String report = NODE.run(validate, "validate.mjs", file.toAbsolutePath().toString());

    assertThat(report.lines().filter(line -> line.startsWith("valid "))).hasSize(objects.size());
  }

  @ParameterizedTest
  @ValueSource(strings = {"staging", "production"})
  void everyServiceRunsWithProbesResourcesAndAGracefulShutdown(String overlay) throws Exception {
    Objects objects = new Objects(render(overlay));
    for (String service : SERVICES) {
      JsonNode pod = objects.get("Deployment", service).path("spec").path("template").path("spec");
      JsonNode container = pod.path("containers").get(0);
      String what = overlay + " " + service;

      assertThat(container.path("image").asText()).as(what).matches("shanhai/" + service + ":[0-9][0-9A-Za-z.-]*");
      assertThat(container.path("readinessProbe").path("httpGet").path("path").asText()).as(what).isEqualTo("/actuator/health/readiness");
      assertThat(container.path("livenessProbe").path("httpGet").path("path").asText()).as(what).isEqualTo("/actuator/health/liveness");
      assertThat(container.path("startupProbe").path("httpGet").path("path").asText()).as(what).isEqualTo("/actuator/health/liveness");
      assertThat(container.path("resources").path("requests").path("cpu").asText()).as(what).isNotEmpty();
      assertThat(container.path("resources").path("limits").path("memory").asText()).as(what).isNotEmpty();
      // Kubernetes kills the pod when the grace period ends: it must outlast the preStop pause and the
      // application's shutdown phases (spring.lifecycle.timeout-per-shutdown-phase: 20s).
      int preStop = container.path("lifecycle").path("preStop").path("exec").path("command").get(1).asInt();
      assertThat(pod.path("terminationGracePeriodSeconds").asInt()).as(what).isGreaterThanOrEqualTo(preStop + 2 * 20);

      Map<String, String> env = objects.environment(container);
      assertThat(env).as(what).containsEntry("SERVER_PORT", "8080");
      if (API_SERVICES.contains(service)) {
        assertThat(env).as(what).containsKey("SPRING_KAFKA_BOOTSTRAP_SERVERS").containsEntry("SPRING_MONGODB_DATABASE", service);
        assertThat(container.path("env").findValues("secretKeyRef")).as(what + ": the MongoDB URI, user and password come from its own Secret")
            .anySatisfy(ref -> assertThat(ref.path("name").asText()).isEqualTo(service + "-mongodb"));
      } else {
        for (String api : API_SERVICES) {
          String url = env.get("SHANHAI_CONSOLE_" + api.toUpperCase());
          assertThat(url).as(what + " calls the %s API at its Service", api).isEqualTo("http://" + api);
          objects.get("Service", api);
        }
        assertThat(env.get("SPRING_SECURITY_OAUTH2_CLIENT_PROVIDER_SHANHAI_ISSUER_URI")).as(what + ": signs officers in at the services' issuer")
            .isEqualTo(env.get("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI")).startsWith("https://");
        assertThat(container.path("env").findValues("secretKeyRef")).as(what + ": its client secret comes from a Secret")
            .anySatisfy(ref -> assertThat(ref.path("name").asText()).isEqualTo("console-oidc"));
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"staging", "production"})
  void everyServiceHasAServiceAnAutoscalerADisruptionBudgetScrapingAndPolicies(String overlay) throws Exception {
    Objects objects = new Objects(render(overlay));
    for (String service : SERVICES) {
      JsonNode podLabels = objects.get("Deployment", service).path("spec").path("template").path("metadata").path("labels");
      String what = overlay + " " + service;

      assertThat(selects(objects.get("Service", service).path("spec").path("selector"), podLabels)).as(what).isTrue();
      JsonNode autoscaler = objects.get("HorizontalPodAutoscaler", service).path("spec");
      assertThat(autoscaler.path("scaleTargetRef").path("name").asText()).as(what).isEqualTo(service);
      assertThat(autoscaler.path("minReplicas").asInt()).as(what).isPositive().isLessThanOrEqualTo(autoscaler.path("maxReplicas").asInt());
      assertThat(selects(objects.get("PodDisruptionBudget", service).path("spec").path("selector").path("matchLabels"), podLabels)).as(what).isTrue();

      JsonNode serviceLabels = objects.get("Service", service).path("metadata").path("labels");
      assertThat(objects.all("ServiceMonitor")).as(what + " is scraped").anySatisfy(monitor -> {
        assertThat(selects(monitor.path("spec").path("selector").path("matchLabels"), serviceLabels)).isTrue();
        assertThat(monitor.path("spec").path("endpoints").get(0).path("path").asText()).isEqualTo("/actuator/prometheus");
      });
      assertThat(objects.all("NetworkPolicy")).as(what + ": all traffic denied but what is allowed").anySatisfy(policy -> {
        assertThat(selects(policy.path("spec").path("podSelector").path("matchLabels"), podLabels)).isTrue();
        assertThat(policy.path("spec").path("policyTypes").toString()).contains("Ingress", "Egress");
        assertThat(policy.path("spec").has("ingress") || policy.path("spec").has("egress")).isFalse();
      });
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"staging", "production"})
  void everyTopicTheServicesUseIsAKafkaTopicCoPartitionedWithEnoughPartitionsForTheAutoscalers(String overlay) throws Exception {
    Objects objects = new Objects(render(overlay));
    Map<String, JsonNode> topics = new HashMap<>();
    objects.all("KafkaTopic").forEach(topic -> topics.put(topic.path("metadata").path("name").asText(), topic.path("spec")));
    Set<Integer> partitionCounts = new HashSet<>();
    topics.values().forEach(topic -> partitionCounts.add(topic.path("partitions").asInt()));
    assertThat(partitionCounts).as("every topic is keyed by project id: one partition count, so they are co-partitioned").hasSize(1);
    int partitions = partitionCounts.iterator().next();

    for (String service : API_SERVICES) {
      JsonNode config = new ObjectMapper(new YAMLFactory()).readTree(
          ROOT.resolve("services").resolve(service).resolve("src/main/resources/application.yml").toFile());
      JsonNode stream = config.path("spring").path("cloud").path("stream");
      List<String> used = new ArrayList<>(stream.path("bindings").findValuesAsText("destination"));
      used.addAll(stream.path("kafka").path("bindings").findValuesAsText("dlq-name"));
      assertThat(topics.keySet()).as("topics %s uses", service).containsAll(used);
      if (!used.isEmpty()) {
        assertThat(objects.get("HorizontalPodAutoscaler", service).path("spec").path("maxReplicas").asInt())
            .as("%s %s: a consumer group uses at most one instance per partition", overlay, service).isLessThanOrEqualTo(partitions);
      }
      Map<String, String> env = objects.environment(objects.get("Deployment", service).path("spec").path("template").path("spec").path("containers").get(0));
      assertThat(env).as("the partition count %s would create its topic with", service)
          .containsEntry("SHANHAI_" + service.toUpperCase() + "_TOPIC_PARTITIONS", String.valueOf(partitions));
    }
    topics.forEach((name, topic) -> {
      int replicas = topic.path("replicas").asInt();
      int inSync = topic.path("config").path("min.insync.replicas").asInt();
      assertThat(inSync).as("%s %s: acks=all needs this many in sync, and one broker may be down", overlay, name)
          .isBetween(1, Math.max(1, replicas - 1));
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {"staging", "production"})
  void theIngressRoutesEveryPathOfEachServicesApiToItAndNothingElse(String overlay) throws Exception {
    Objects objects = new Objects(render(overlay));
    Map<String, String> routes = new HashMap<>();
    for (String ingress : List.of("shanhai-api", "shanhai-api-imports")) {
      for (JsonNode path : paths(objects.get("Ingress", ingress))) {
        assertThat(path.path("pathType").asText()).isEqualTo("Prefix");
        routes.put(path.path("path").asText(), path.path("backend").path("service").path("name").asText());
      }
    }
    // Only the import's upload takes a spreadsheet; every other request body stays small.
    assertThat(bodyLimit(objects.get("Ingress", "shanhai-api"))).isEqualTo("64k");
    assertThat(paths(objects.get("Ingress", "shanhai-api-imports"))).extracting(p -> p.path("path").asText())
        .containsExactly("/api/v1/imports");
    assertThat(bodyLimit(objects.get("Ingress", "shanhai-api-imports"))).isEqualTo("21m");
    assertThat(routes.keySet()).as("only the API leaves the cluster, never /actuator").allMatch(p -> p.startsWith("/api/v1/"));
    assertThat(paths(objects.get("Ingress", "shanhai-console"))).as("the console's pages, never its /actuator")
        .isNotEmpty().allSatisfy(path -> {
          assertThat(path.path("backend").path("service").path("name").asText()).isEqualTo("console");
          assertThat(path.path("path").asText()).doesNotStartWith("/actuator").doesNotStartWith("/api/");
          // A Prefix "/" would route everything, /actuator with it: the home page is the exact path.
          assertThat(path.path("path").asText().equals("/")).isEqualTo(path.path("path").asText().equals("/")
              && path.path("pathType").asText().equals("Exact"));
        });
    assertThat(objects.all("Ingress")).hasSize(3);
    // The console holds up to 64 MB of an upload; the ingress must not refuse less in English first.
    assertThat(bodyLimit(objects.get("Ingress", "shanhai-console"))).isEqualTo("64m");
    for (String page : consolePages()) {
      assertThat(paths(objects.get("Ingress", "shanhai-console"))).as("%s: the console's %s is routed", overlay, page)
          .anySatisfy(route -> {
            String path = route.path("path").asText();
            assertThat(route.path("pathType").asText().equals("Exact") ? page.equals(path)
                : page.equals(path) || page.startsWith(path + "/")).isTrue();
          });
    }

    for (String service : API_SERVICES) {
      JsonNode openApi = JSON.readTree(ROOT.resolve("docs/openapi").resolve(service + ".json").toFile());
      openApi.path("paths").fieldNames().forEachRemaining(path -> {
        // Prefix matching is by whole path segments: the longest matching prefix wins, as in ingress-nginx.
        String route = routes.keySet().stream().filter(prefix -> path.equals(prefix) || path.startsWith(prefix + "/"))
            .max(Comparator.comparingInt(String::length)).orElse(null);
        assertThat(route).as("%s %s is routed", overlay, path).isNotNull();
        assertThat(routes.get(route)).as("%s %s goes to %s", overlay, path, service).isEqualTo(service);
      });
    }
  }

  /**
   * Every page the console's controllers map, read from its sources as the APIs' paths are from their OpenAPI
   * documents; a path variable stands for any one segment.
   */
  private static Set<String> consolePages() throws IOException {
    Pattern mapping = Pattern.compile("@(?:Get|Post|Request)Mapping\\((?:(?:path|value)\\s*=\\s*)?\"([^\"]+)\"");
    Set<String> pages = new HashSet<>();
    try (Stream<Path> sources = Files.walk(ROOT.resolve("services/console/src/main/java"))) {
      for (Path source : sources.filter(f -> f.toString().endsWith(".java")).toList()) {
        Matcher found = mapping.matcher(Files.readString(source));
        while (found.find()) {
          pages.add(found.group(1).replaceAll("\\{[^}]+}", "x"));
        }
      }
    }
    assertThat(pages).as("the console's pages, found in its sources")
        .contains("/", "/subscriptions", "/signed-out", "/alerts/events");
    return pages;
  }

  private static String bodyLimit(JsonNode ingress) {
    return ingress.path("metadata").path("annotations").path("nginx.ingress.kubernetes.io/proxy-body-size").asText();
  }

  private static List<JsonNode> paths(JsonNode ingress) {
    return ingress.path("spec").path("rules").findValues("paths").stream().flatMap(p -> stream(p)).toList();
  }

  private static Stream<JsonNode> stream(JsonNode array) {
    List<JsonNode> items = new ArrayList<>();
    array.forEach(items::add);
    return items.stream();
  }

  private static boolean selects(JsonNode selector, JsonNode labels) {
    if (selector.isEmpty()) {
      return false;
    }
    for (var entry : selector.properties()) {
      if (!entry.getValue().asText().equals(labels.path(entry.getKey()).asText(null))) {
        return false;
      }
    }
    return true;
  }

  /** The objects an overlay renders to, by kind and name. */
  private record Objects(List<JsonNode> list) {

    List<JsonNode> all(String kind) {
      return list.stream().filter(o -> o.path("kind").asText().equals(kind)).toList();
    }

    JsonNode get(String kind, String name) {
      return all(kind).stream().filter(o -> o.path("metadata").path("name").asText().equals(name)).findFirst()
          .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    /** A container's plain environment: its ConfigMaps (which must be rendered too) and literal values. */
    Map<String, String> environment(JsonNode container) {
      Map<String, String> env = new HashMap<>();
      for (JsonNode source : container.path("envFrom")) {
        String name = source.path("configMapRef").path("name").asText();
        get("ConfigMap", name).path("data").properties().forEach(e -> env.put(e.getKey(), e.getValue().asText()));
      }
      container.path("env").forEach(e -> {
        if (e.has("value")) {
          env.put(e.path("name").asText(), e.path("value").asText());
        }
      });
      return env;
    }
  }

  private static List<JsonNode> render(String overlay) throws IOException, InterruptedException {
    String yaml = KUBECTL.run(ROOT, "kustomize", K8S.resolve("overlays").resolve(overlay).toAbsolutePath().toString());
    List<JsonNode> objects = new ArrayList<>();
    try (var parser = new YAMLMapper().createParser(yaml)) {
      new YAMLMapper().readValues(parser, JsonNode.class).forEachRemaining(o -> {
        if (!o.isEmpty()) {
          objects.add(o);
        }
      });
    }
    assertThat(objects).as(overlay).isNotEmpty();
    return objects;
  }
}
