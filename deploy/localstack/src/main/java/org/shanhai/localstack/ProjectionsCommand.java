package org.shanhai.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * {@code ./shanhai projections rebuild|compare payouts|alerts [--as USER]}: rebuilds a service's views
 * of the others' facts from the topics ({@code POST /actuator/projections}), or compares them with a
 * fold of the topics without changing anything ({@code POST /actuator/projections/compare}), as the
 * province, and prints what it folded or found.
 */
final class ProjectionsCommand {

  private static final String USAGE = "usage: ./shanhai projections rebuild|compare payouts|alerts [--as USER]";
  private static final Map<String, String> PORTS = Map.of("payouts", "PAYOUTS_PORT:8082", "alerts", "ALERTS_PORT:8083");

  private ProjectionsCommand() {
  }

  static int run(String[] args, String tokenEndpoint) throws IOException, InterruptedException {
    if (args.length < 2 || !(args[0].equals("rebuild") || args[0].equals("compare")) || !PORTS.containsKey(args[1])) {
      System.err.println(USAGE);
      return 2;
    }
    String user = args.length >= 4 && args[2].equals("--as") ? args[3] : "province.admin";
    String[] port = PORTS.get(args[1]).split(":");
    String base = "http://localhost:" + System.getenv().getOrDefault(port[0], port[1]);
    String token = new Tokens(tokenEndpoint).user(user, DemoUsers.read(Path.of("")).password(user));
    boolean rebuild = args[0].equals("rebuild");
    System.out.println((rebuild ? "rebuilding" : "comparing") + " the views of the " + args[1]
        + " service " + (rebuild ? "from" : "with") + " the topics (its consumers pause)…");
    HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(base + "/actuator/projections" + (rebuild ? "" : "/compare")))
        .header("Authorization", "Bearer " + token)
        .timeout(Duration.ofMinutes(30)).POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
    System.out.println(answer.statusCode() + " " + answer.body());
    return answer.statusCode() == 200 ? 0 : 1;
  }
}
