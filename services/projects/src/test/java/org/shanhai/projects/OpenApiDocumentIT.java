package org.shanhai.projects;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document the service serves is the one kept in the repository. After an intended API
 * change, refresh the copy with {@code ./mvnw verify -pl services/projects -am -Dopenapi.write=true}.
 */
@ProjectsServiceTest
class OpenApiDocumentIT {

  private static final Path KEPT = Path.of("..", "..", "docs", "openapi", "projects.json");
  private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

  @Autowired
  WebTestClient http;

  @Test
  void servedDocumentMatchesTheOneKeptInTheRepository() throws Exception {
    String served = http.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
        .expectBody(String.class).returnResult().getResponseBody();
    JsonNode document = JSON.readTree(served);
    assertThat(document.path("paths").has("/api/v1/projects/{projectId}/updates")).isTrue();

    String pretty = JSON.writeValueAsString(JSON.treeToValue(document, Object.class)) + "\n";
    if (Boolean.getBoolean("openapi.write")) {
      Files.createDirectories(KEPT.getParent());
      Files.writeString(KEPT, pretty, StandardCharsets.UTF_8);
    }
    assertThat(KEPT).as("docs/openapi/projects.json; write it with -Dopenapi.write=true").exists();
    assertThat(JSON.readTree(Files.readString(KEPT))).as("served vs kept OpenAPI document").isEqualTo(document);
  }
}
