package org.shanhai.localstack;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code ./shanhai import FILE --kind projects|updates [--as USER] [--yes]}: uploads a spreadsheet
 * to the running stack's projects service as a demo user, shows the dry run (its counts and the
 * rows with errors or warnings, at their cells), asks before committing, shows the commit's
 * progress, and saves the report next to the file.
 */
final class ImportCommand {

  private static final String USAGE = "usage: ./shanhai import FILE --kind projects|updates [--as USER] [--yes]";
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final int LISTED = 30;
  private static final int BAR = 30;

  private final String base;
  private final String bearer;
  private final PrintStream out;

  private ImportCommand(String base, String bearer, PrintStream out) {
    this.base = base;
    this.bearer = bearer;
    this.out = out;
  }

  static int run(String[] args, String projectsUrl, String tokenEndpoint) throws IOException, InterruptedException {
    Path file = null;
    String kind = null;
    String user = "province.admin";
    boolean yes = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--kind" -> kind = i + 1 < args.length ? args[++i] : null;
        case "--as" -> user = i + 1 < args.length ? args[++i] : null;
        case "--yes" -> yes = true;
        default -> file = args[i].startsWith("--") ? null : Path.of(args[i]);
      }
    }
    if (file == null || kind == null || user == null) {
      System.err.println(USAGE);
      return 2;
    }
    if (!Files.isRegularFile(file)) {
      System.err.println("shanhai import: no file " + file);
      return 2;
    }
    String token = new Tokens(tokenEndpoint).user(user, DemoUsers.read(Path.of("")).password(user));
    return new ImportCommand(projectsUrl, "Bearer " + token, System.out).importFile(file, kind, yes);
  }

  private int importFile(Path file, String kind, boolean yes) throws IOException, InterruptedException {
    HttpResponse<String> uploaded = upload(file, kind);
    if (uploaded.statusCode() != 202) {
      return refused(uploaded);
    }
    String id = DemoApi.JSON.readTree(uploaded.body()).path("id").asText();
    out.println("uploaded " + file.getFileName() + " as import " + id + "; checking every row…");
    JsonNode checked = follow(id, "VALIDATED");
    if (checked == null) {
      return 1;
    }
    out.printf("dry run: %d rows, %d valid (%d with warnings), %d rejected%n", checked.path("rows").asInt(),
        checked.path("valid").asInt(), checked.path("warnings").asInt(), checked.path("rejected").asInt());
    if (checked.path("ignoredColumns").size() > 0) {
      out.println("columns not read: " + checked.path("ignoredColumns"));
    }
    listIssues(id);
    int valid = checked.path("valid").asInt();
    if (valid == 0) {
      out.println("nothing to commit.");
      saveReport(id, file);
      return 1;
    }
    if (!yes && !confirm("commit the " + valid + " valid rows? [y/N] ")) {
      out.println("not committed; the import stays VALIDATED (" + base + "/api/v1/imports/" + id + ").");
      return 0;
    }
    HttpResponse<String> commit = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/imports/" + id + "/commit"))
        .POST(HttpRequest.BodyPublishers.noBody()));
    if (commit.statusCode() != 202) {
      return refused(commit);
    }
    JsonNode done = follow(id, "DONE");
    if (done == null) {
      return 1;
    }
    out.printf("done: %d created, %d replayed (recorded before), %d rejected%n", done.path("created").asInt(),
        done.path("replayed").asInt(), done.path("rejected").asInt());
    saveReport(id, file);
    return 0;
  }

  /** Polls the import, drawing a progress bar, until it is in {@code state} (null, having said why, if it FAILED). */
  private JsonNode follow(String id, String state) throws IOException, InterruptedException {
    while (true) {
      JsonNode now = DemoApi.JSON.readTree(get("/api/v1/imports/" + id).body());
      double progress = now.path("progress").asDouble();
      int filled = (int) Math.round(progress * BAR);
      out.printf("\r  [%s%s] %3d%%  %s", "#".repeat(filled), ".".repeat(BAR - filled), Math.round(progress * 100),
          now.path("state").asText());
      if (now.path("state").asText().equals(state)) {
        out.println();
        return now;
      }
      if (now.path("state").asText().equals("FAILED")) {
        out.println();
        System.err.println("the import failed: " + now.path("failure").asText());
        return null;
      }
      Thread.sleep(300);
    }
  }

  private void listIssues(String id) throws IOException, InterruptedException {
    JsonNode page = DemoApi.JSON.readTree(get("/api/v1/imports/" + id + "/rows?issues=true&size=" + LISTED).body());
    for (JsonNode row : page.path("items")) {
      for (String kind : new String[] {"errors", "warnings"}) {
        for (JsonNode issue : row.path(kind)) {
          out.printf("  row %-5d %-8s %-4s %s%n", row.path("number").asInt(), kind.equals("errors") ? "error" : "warning",
              issue.path("cell").asText(""), issue.path("message").asText());
        }
      }
    }
    long more = page.path("total").asLong() - page.path("items").size();
    if (more > 0) {
      out.println("  … and " + more + " rows more with errors or warnings: see the report");
    }
  }

  private void saveReport(String id, Path file) throws IOException, InterruptedException {
    HttpResponse<byte[]> report = HTTP.send(request("/api/v1/imports/" + id + "/report.xlsx").GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
    String name = file.getFileName().toString().replaceFirst("\\.[^.]*$", "") + "-导入结果.xlsx";
    Path saved = file.toAbsolutePath().resolveSibling(name);
    Files.write(saved, report.body());
    out.println("report: " + saved);
  }

  private boolean confirm(String question) throws IOException {
    out.print(question);
    out.flush();
    String answer = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    return answer != null && (answer.strip().equalsIgnoreCase("y") || answer.strip().equalsIgnoreCase("yes"));
  }

  private int refused(HttpResponse<String> response) throws IOException {
    JsonNode problem = DemoApi.JSON.readTree(response.body());
    System.err.println("refused (" + response.statusCode() + "): " + problem.path("detail").asText(response.body()));
    for (JsonNode error : problem.path("errors")) {
      System.err.println("  " + error.path("field").asText() + ": " + error.path("message").asText());
    }
    return 1;
  }

  private HttpResponse<String> upload(Path file, String kind) throws IOException, InterruptedException {
    return upload(base, bearer, file, kind);
  }

  /** {@code POST /api/v1/imports}: the file and its kind as multipart/form-data. */
  static HttpResponse<String> upload(String base, String bearer, Path file, String kind)
      throws IOException, InterruptedException {
    String boundary = "shanhai-" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    String name = file.getFileName().toString();
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n" + kind + "\r\n")
        .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
        + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20") + "\"; filename*=UTF-8''"
        + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20")
        + "\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(Files.readAllBytes(file));
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/imports"))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Authorization", bearer)
        .timeout(Duration.ofSeconds(120)).POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return send(request(path).GET());
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return HTTP.send(request.header("Authorization", bearer).timeout(Duration.ofSeconds(60)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
