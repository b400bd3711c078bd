package org.shanhai.alerts;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.shanhai.testkit.OpenApiDocuments;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The OpenAPI document the service serves is the one kept in the repository. After an intended API
 * change, refresh the copy with {@code ./mvnw verify -pl services/alerts -am -Dopenapi.write=true}.
 */
@AlertsServiceTest
class OpenApiDocumentIT {

  @Autowired
  WebTestClient http;

  @Test
  void servedDocumentMatchesTheOneKeptInTheRepository() {
    String served = http.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
        .expectBody(String.class).returnResult().getResponseBody();
    OpenApiDocuments.assertMatchesKept(served, Path.of("..", "..", "docs", "openapi", "alerts.json"));
  }
}
