package org.shanhai.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;


/**
 * {@code ./shanhai bench [updates]}: the update pipeline's speed against the raw Kafka producer
 * ({@link SpeedBench}); {@code ./shanhai bench alerts …} runs {@link AlertsBench},
 * {@code ./shanhai bench import …} {@link ImportBench}, {@code ./shanhai bench console …}
 * {@link ConsoleBench}, {@code ./shanhai bench overload …} {@link OverloadBench}, {@code ./shanhai bench
 * wire-server …} {@link WireServerBench} instead. Each
 * starts what it measures on free ports (a throw-away stack, or for the last only wire servers);
 * everything stays on this machine and stops by itself. The helpers here are the benches' shared
 * HTTP and figures.
 */
public final class Bench {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  /** Every request is the demo loader's, with a token from the stack's Keycloak, as an officer's would be. */
  private static Tokens tokens;

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("alerts")) {
      AlertsBench.main(Arrays.copyOfRange(args, 1, args.length));
      return;
    }
    if (args.length > 0 && args[0].equals("import")) {
      ImportBench.main(Arrays.copyOfRange(args, 1, args.length));
      return;
    }
    if (args.length > 0 && args[0].equals("wire-server")) {
      WireServerBench.main(Arrays.copyOfRange(args, 1, args.length));
      return;
    }
    if (args.length > 0 && args[0].equals("overload")) {
      OverloadBench.main(Arrays.copyOfRange(args, 1, args.length));
      return;
    }
    if (args.length > 0 && args[0].equals("console")) {
      ConsoleBench.main(Arrays.copyOfRange(args, 1, args.length));
      return;
    }
    SpeedBench.main(args);
  }

  static void signIn(Keycloak keycloak) {
    tokens = new Tokens(keycloak.tokenEndpoint());
  }

  /** {@code Bearer …} of the demo loader's client, for a request the bench makes itself. */
  static String bearer() throws IOException, InterruptedException {
    return tokens.demoLoader();
  }

  static JsonNode post(String url, String body) {
    try {
      HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
          .header("Content-Type", "application/json").header("Authorization", tokens.demoLoader())
          .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 201) {
        throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
      }
      return JSON.readTree(response.body());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String percentiles(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms".formatted(ms(sorted, 0.50), ms(sorted, 0.95),
        ms(sorted, 0.99), ms(sorted, 1.0));
  }

  static double ms(long[] sorted, double quantile) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
  }

  /** A service's heap in use, from its {@code /actuator/prometheus} (which no load sheds). */
  static long heapUsed(String base) throws IOException, InterruptedException {
    return (long) sum(metrics(base), "jvm_memory_used_bytes{", "area=\"heap\"");
  }

  static String metrics(String base) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(URI.create(base + "/actuator/prometheus")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }

  /** The sum of the samples of a Prometheus text exposition whose line starts with {@code name} and has {@code label}. */
  static double sum(String exposition, String name, String label) {
    return exposition.lines().filter(l -> l.startsWith(name) && l.contains(label))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
  }

  /** A process's resident memory, as "123456 kB". */
  static String rss(long pid) {
    return residentKilobytes(pid) + " kB";
  }

  /** A process's resident memory in kilobytes (VmRSS), or 0 when it is gone. */
  static long residentKilobytes(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.substring(6).replace("kB", "").trim());
        }
      }
    } catch (IOException | NumberFormatException e) {
      return 0;
    }
    return 0;
  }
}
