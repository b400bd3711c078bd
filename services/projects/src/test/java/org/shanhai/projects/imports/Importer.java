package org.shanhai.projects.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.shanhai.testkit.TestIssuer;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/** An officer importing files through the API, as the tests need one. */
final class Importer {

  private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
  };

  private final WebTestClient http;
  private final String user;

  Importer(WebTestClient http, String user) {
    this.http = http;
    this.user = user;
  }

  WebTestClient.ResponseSpec upload(byte[] file, String fileName, String kind) {
    MultipartBodyBuilder body = new MultipartBodyBuilder();
    body.part("file", new ByteArrayResource(file) {
      @Override
      public String getFilename() {
        return fileName;
      }
    });
    if (kind != null) {
      body.part("kind", kind);
    }
    return http.post().uri("/api/v1/imports").header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer(user))
        .body(BodyInserters.fromMultipartData(body.build())).exchange();
  }

  /** Uploads a file that passes the checks of a whole file, and waits for its dry run: the import, VALIDATED. */
  Map<String, Object> dryRun(byte[] file, String fileName, String kind) {
    Map<String, Object> accepted = upload(file, fileName, kind).expectStatus().isAccepted()
        .expectBody(JSON).returnResult().getResponseBody();
    assertThat(accepted).containsEntry("state", "VALIDATING");
    return await((String) accepted.get("id"), "VALIDATED");
  }

  Map<String, Object> commit(String id) {
    http.post().uri("/api/v1/imports/{id}/commit", id).header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer(user))
        .exchange().expectStatus().isAccepted();
    return await(id, "DONE");
  }

  Map<String, Object> get(String id) {
    return http.get().uri("/api/v1/imports/{id}", id).header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer(user))
        .exchange().expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
  }

  Map<String, Object> await(String id, String state) {
    return Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
        .until(() -> get(id), found -> state.equals(found.get("state")) || "FAILED".equals(found.get("state")));
  }

  /** The rows with errors or warnings, in order. */
  @SuppressWarnings("unchecked")
  List<Map<String, Object>> rowsWithIssues(String id) {
    Map<String, Object> page = http.get().uri("/api/v1/imports/{id}/rows?issues=true&size=100", id)
        .header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer(user))
        .exchange().expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
    return (List<Map<String, Object>>) page.get("items");
  }

  WebTestClient http() {
    return http;
  }

  String user() {
    return user;
  }
}
