package org.shanhai.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * The realm in deploy/keycloak, served by a real Keycloak, gives tokens whose claims the services'
 * rules understand: 常山's officer signs in and reports on a 常山 project; 庆元's officer signs in
 * too and is refused on it.
 */
class KeycloakRealmIT {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void theRealmsOfficersActForTheirOwnCountiesOnly() throws Exception {
    LocalStack.Running stack = RunningStack.get();
    DemoUsers users = DemoUsers.read(RunningStack.REPOSITORY);
    String changshan = stack.tokens().user("officer.changshan", users.password("officer.changshan"));
    String qingyuan = stack.tokens().user("officer.qingyuan", users.password("officer.qingyuan"));

    JsonNode claims = DemoApi.JSON.readTree(Base64.getUrlDecoder().decode(changshan.split("\\.")[1]));
    assertThat(claims.path("iss").asText()).isEqualTo(stack.keycloak().issuer());
    assertThat(claims.path("aud").toString()).contains("shanhai-api");
    assertThat(claims.path("roles").toString()).contains("officer");
    assertThat(claims.path("counties").toString()).contains("330822");

    String project = null;
    for (JsonNode p : send("GET", stack.projects().baseUrl() + "/api/v1/projects?county=330822&size=200", changshan,
        null).path("items")) {
      if (project == null && !p.path("status").asText().equals("CANCELLED")) {
        project = p.path("id").asText();
      }
    }
    assertThat(project).as("a 常山 project of the demo data").isNotNull();
    String update = "{\"reportDate\":\"" + LocalDate.now(ZoneId.of("Asia/Shanghai")) + "\",\"note\":\"现场核查\"}";

    HttpResponse<String> refused = raw("POST", stack.projects().baseUrl() + "/api/v1/projects/" + project + "/updates",
        qingyuan, update);
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
    JsonNode reported = send("POST", stack.projects().baseUrl() + "/api/v1/projects/" + project + "/updates",
        changshan, update);
    assertThat(reported.path("submittedBy").asText()).isEqualTo("officer.changshan");
  }

  private static JsonNode send(String method, String url, String token, String body) throws Exception {
    HttpResponse<String> response = raw(method, url, token, body);
    assertThat(response.statusCode()).as(method + " " + url + ": " + response.body()).isBetween(200, 201);
    return DemoApi.JSON.readTree(response.body());
  }

  private static HttpResponse<String> raw(String method, String url, String token, String body) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .build(), HttpResponse.BodyHandlers.ofString());
  }
}
