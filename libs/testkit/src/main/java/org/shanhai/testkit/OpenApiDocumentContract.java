package org.shanhai.testkit;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A service's OpenAPI document as it serves it is the one kept in the repository
 * ({@code docs/openapi/<service>.json}, which the build lints). Each service's test extends this
 * with its own test annotation. After an intended API change, refresh the copy with
 * {@code ./mvnw verify -pl services/<service> -am -Dopenapi.write=true}.
 */
public abstract class OpenApiDocumentContract {

  @Autowired
  protected WebTestClient http;

  /** The document's name in {@code docs/openapi/}, e.g. {@code projects}. */
  protected abstract String service();

  @Test
  void servedDocumentMatchesTheOneKeptInTheRepository() {
    String served = http.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
        .expectBody(String.class).returnResult().getResponseBody();
    OpenApiDocuments.assertMatchesKept(served, Path.of("..", "..", "docs", "openapi", service() + ".json"));
  }
}
