package org.shanhai.localstack;

import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.shanhai.embedded.Ports;
import org.shanhai.embedded.ServiceProcess;

/**
 * {@code ./shanhai bench import [rows] [projects]}: a progress workbook of {@code rows} rows (10,000
 * by default) over {@code projects} projects named by their own codes, uploaded, dry-run and
 * committed on a throw-away stack (broker, wire server, Keycloak, the three services). Prints the
 * time of each step, the projects service's heap before and during the import, and how many of the
 * rows' events the payouts and alerts services consumed.
 */
final class ImportBench {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String PROGRESS = "shanhai.project.progress-reported.v1";

  private ImportBench() {
  }

  public static void main(String[] args) throws Exception {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int projectCount = args.length > 1 ? Integer.parseInt(args[1]) : 500;
    Path home = Files.createTempDirectory("shanhai-bench-import");
    System.setProperty("shanhai.logs", home.toString());
    System.setProperty("logback.configurationFile", "localstack-logback.xml");

    try (EmbeddedStack stack = new EmbeddedStack(Path.of(""), home, false, Ports.free(), Ports.free(), Ports.free())) {
      Keycloak keycloak = stack.identityProvider(Ports.free());
      ServiceProcess projects = stack.service("projects", Ports.free(), Map.of());
      ServiceProcess payouts = stack.service("payouts", Ports.free(), Map.of());
      ServiceProcess alerts = stack.service("alerts", Ports.free(), Map.of("spring.profiles.active", "local"));
      for (ServiceProcess service : new ServiceProcess[] {projects, payouts, alerts}) {
        service.awaitReady(EmbeddedStack.STARTUP);
      }
      keycloak.awaitReady(EmbeddedStack.STARTUP);
      Bench.signIn(keycloak);
      String base = projects.baseUrl();
      String pairing = Bench.post(base + "/api/v1/pairings",
          "{\"mountainCounty\":\"330822\",\"partnerCounty\":\"330282\",\"since\":2011}").path("id").asText();
      for (int p = 0; p < projectCount; p++) {
        Bench.post(base + "/api/v1/projects", """
            {"pairingId":"%s","name":"bench %d","kind":"INDUSTRIAL_PROJECT","hostCounty":"330822",
             "plannedInvestment":"1000000000.00","externalCode":"BENCH-%d"}""".formatted(pairing, p, p));
      }
      Path file = home.resolve("bench-progress.xlsx");
      write(file, rows, projectCount);
      System.out.printf("import bench: %d rows over %d projects, %.1f MB workbook, on %d cores, java %s%n", rows,
          projectCount, Files.size(file) / 1e6, Runtime.getRuntime().availableProcessors(),
          System.getProperty("java.version"));

      double consumedPayouts = consumed(payouts.baseUrl());
      double consumedAlerts = consumed(alerts.baseUrl());
      long idleHeap = sampleHeap(base, Duration.ofSeconds(5));
      AtomicLong peak = new AtomicLong();
      Thread sampler = new Thread(() -> {
        while (!Thread.currentThread().isInterrupted()) {
          try {
            peak.accumulateAndGet(Bench.heapUsed(base), Math::max);
            Thread.sleep(100);
          } catch (InterruptedException e) {
            return;
          } catch (Exception ignored) {
            // A missed sample; the next one counts.
          }
        }
      }, "heap-sampler");
      sampler.start();

      String bearer = Bench.bearer();
      long start = System.nanoTime();
      HttpResponse<String> uploaded = ImportCommand.upload(base, bearer, file, "updates");
      long uploadedAt = System.nanoTime();
      String id = DemoApi.JSON.readTree(uploaded.body()).path("id").asText();
      JsonNode validated = await(base, id, "VALIDATED");
      long validatedAt = System.nanoTime();
      HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/imports/" + id + "/commit"))
          .header("Authorization", Bench.bearer()).POST(HttpRequest.BodyPublishers.noBody()).build(),
          HttpResponse.BodyHandlers.ofString());
      JsonNode done = await(base, id, "DONE");
      long doneAt = System.nanoTime();
      sampler.interrupt();
      sampler.join();

      long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
      double reachedPayouts = 0;
      double reachedAlerts = 0;
      while (System.nanoTime() < deadline && (reachedPayouts < rows || reachedAlerts < rows)) {
        reachedPayouts = consumed(payouts.baseUrl()) - consumedPayouts;
        reachedAlerts = consumed(alerts.baseUrl()) - consumedAlerts;
        Thread.sleep(500);
      }
      long reachedAt = System.nanoTime();

      System.out.printf("upload (whole-file checks, rows stored)  %6.1f s  (%s)%n", (uploadedAt - start) / 1e9,
          uploaded.statusCode());
      System.out.printf("dry run                                  %6.1f s  valid %d, rejected %d%n",
          (validatedAt - uploadedAt) / 1e9, validated.path("valid").asInt(), validated.path("rejected").asInt());
      System.out.printf("commit                                   %6.1f s  created %d, replayed %d, rejected %d%n",
          (doneAt - validatedAt) / 1e9, done.path("created").asInt(), done.path("replayed").asInt(),
          done.path("rejected").asInt());
      System.out.printf("upload to DONE                           %6.1f s  (%.0f rows/s)%n", (doneAt - start) / 1e9,
          rows / ((doneAt - start) / 1e9));
      System.out.printf("events consumed by payouts / alerts      %.0f / %.0f of %d, all in %.1f s after DONE%n",
          reachedPayouts, reachedAlerts, rows, (reachedAt - doneAt) / 1e9);
      System.out.printf("projects heap used: idle peak %d MB, import peak %d MB (+%d MB); RSS %s%n",
          idleHeap >> 20, peak.get() >> 20, (peak.get() - idleHeap) >> 20, Bench.rss(projects.pid()));
    }
  }

  /** A progress workbook: row n reports on project BENCH-(n mod projects), each project's dates and sums rising. */
  private static void write(Path file, int rows, int projects) throws Exception {
    try (OutputStream out = Files.newOutputStream(file); Workbook workbook = new Workbook(out, "bench", "1.0")) {
      Worksheet sheet = workbook.newWorksheet("进度表");
      String[] header = {"序号", "项目编号", "报告日期", "累计完成投资（元）", "到位资金（元）", "带动就业（人）", "备注"};
      for (int c = 0; c < header.length; c++) {
        sheet.value(0, c, header[c]);
      }
      LocalDate first = LocalDate.of(2020, 1, 1);
      for (int n = 0; n < rows; n++) {
        int round = n / projects;
        int r = n + 1;
        sheet.value(r, 0, r);
        sheet.value(r, 1, "BENCH-" + (n % projects));
        sheet.value(r, 2, first.plusDays(round));
        sheet.style(r, 2).format("yyyy-mm-dd").set();
        sheet.value(r, 3, 1_000_000L * (round + 1));
        sheet.value(r, 4, 2_000_000L * (round + 1));
        sheet.value(r, 5, round);
        sheet.value(r, 6, "第 " + (round + 1) + " 次报送");
        if (r % 1000 == 0) {
          sheet.flush();
        }
      }
      workbook.finish();
    }
  }

  private static JsonNode await(String base, String id, String state) throws Exception {
    while (true) {
      JsonNode now = DemoApi.JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/imports/" + id))
          .header("Authorization", Bench.bearer()).build(), HttpResponse.BodyHandlers.ofString()).body());
      if (now.path("state").asText().equals(state) || now.path("state").asText().equals("FAILED")) {
        return now;
      }
      Thread.sleep(200);
    }
  }

  /** The most heap used over {@code window}, sampled every 100 ms. */
  private static long sampleHeap(String base, Duration window) throws Exception {
    long max = 0;
    long end = System.nanoTime() + window.toNanos();
    while (System.nanoTime() < end) {
      max = Math.max(max, Bench.heapUsed(base));
      Thread.sleep(100);
    }
    return max;
  }

  private static double consumed(String base) throws Exception {
    return Bench.sum(Bench.metrics(base), "shanhai_events_consumed_total{", "type=\"" + PROGRESS + "\"");
  }
}
