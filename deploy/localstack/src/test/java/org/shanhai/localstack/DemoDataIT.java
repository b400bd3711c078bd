package org.shanhai.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * The demo data loads through the services' APIs as {@code ./shanhai up} loads it: nothing is
 * refused, what the sources do not allow is skipped by a stated reason, and loading again creates
 * nothing (every write replays its Idempotency-Key).
 */
class DemoDataIT {

  private static final Path FIXTURES = RunningStack.REPOSITORY.resolve(Path.of("deploy", "demo", "fixtures.json"));

  @Test
  void loadsEverythingTheSourcesAllowOnceAndReplaysTheSecondTime() throws Exception {
    LocalStack.Running stack = RunningStack.get();
    DemoData.Summary first = stack.demo();
    ByteArrayOutputStream printed = new ByteArrayOutputStream();

    DemoData.Summary second = new DemoData(stack.projects().baseUrl(), stack.payouts().baseUrl(), stack.tokens(),
        new PrintStream(printed, true, StandardCharsets.UTF_8)).load(FIXTURES);

    assertThat(first.skipped()).as("skipped by the first load").doesNotContainKey("refused by a service");
    assertThat(first.created()).as("created by the first load").isGreaterThanOrEqualTo(60);
    assertThat(printed.toString(StandardCharsets.UTF_8)).as("refusals printed by the second load").isEmpty();
    assertThat(second.created()).as("created by the second load").isZero();
    assertThat(second.alreadyThere()).isEqualTo(first.created() + first.alreadyThere());
    assertThat(second.skipped()).isEqualTo(first.skipped());
  }

  @Test
  void anInvestmentTheSourcesDoNotStateStaysUnknown() throws Exception {
    LocalStack.Running stack = RunningStack.get();

    // 常山's enclave in 慈溪: the reports give its output and dividends, never what it cost.
    JsonNode page = get(stack.projects().baseUrl() + "/api/v1/projects?county=330822&kind=INDUSTRIAL_ENCLAVE");

    List<JsonNode> enclaves = new ArrayList<>();
    page.path("items").forEach(enclaves::add);
    assertThat(enclaves).isNotEmpty().allSatisfy(enclave -> assertThat(enclave.path("plannedInvestment").isMissingNode()
        || enclave.path("plannedInvestment").isNull()).as("%s", enclave).isTrue());
  }

  private static JsonNode get(String url) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
        .header("Authorization", RunningStack.get().tokens().demoLoader()).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return DemoApi.JSON.readTree(response.body());
  }
}
