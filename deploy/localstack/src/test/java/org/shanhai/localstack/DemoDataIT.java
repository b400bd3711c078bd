package org.shanhai.projects;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.shanhai.localstack.DemoData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The local stack's demo data loads through the API, and loading it again duplicates nothing. The
 * other tests register 常山—慈溪 as well: the loader then uses the running pairing it finds.
 */
@ProjectsServiceTest
class DemoDataIT {

  private static final Path FIXTURES = Path.of("..", "..", "deploy", "demo", "fixtures.json");

  @LocalServerPort
  int port;
  @Autowired
  WebTestClient http;

  @Test
  void loadsTheSeedStoryOnceAndReplaysTheSecondTime() throws Exception {
    ByteArrayOutputStream problems = new ByteArrayOutputStream();
    DemoData loader = new DemoData("http://localhost:" + port, null,
        new PrintStream(problems, true, StandardCharsets.UTF_8));

    DemoData.Summary first = loader.load(FIXTURES);
    DemoData.Summary second = new DemoData("http://localhost:" + port, null, System.out).load(FIXTURES);

    assertThat(problems.toString(StandardCharsets.UTF_8)).as("rejected demo writes").isEmpty();
    assertThat(first.created() + first.alreadyThere()).isGreaterThanOrEqualTo(15);
    assertThat(second.created()).as("created by the second load").isZero();
    assertThat(second.alreadyThere()).isEqualTo(first.created() + first.alreadyThere());
    http.get().uri("/api/v1/projects?county=330822&kind=INDUSTRIAL_ENCLAVE&size=200").exchange()
        .expectStatus().isOk()
        .expectBody().jsonPath("$.items[?(@.registeredBy == 'demo-loader')].plannedInvestment")
        .isEqualTo(java.util.List.of("93000000.00"));
  }
}
