package org.shanhai.localstack;

import static com.mongodb.client.model.Filters.all;
import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.or;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.shanhai.embedded.MongoWireServer;
import org.shanhai.embedded.Ports;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code ./shanhai bench wire-server [archived] [rounds]}: the queries one progress report costs the
 * database, as the services send them, against the in-memory wire server the tests and the bench use
 * and against mongo-java-server's own memory backend, in turns (A, B, A, B, …) so that both see the
 * same machine. A report's queries: the update looked up in the archive by id and project (its
 * idempotency key), the project written guarded by its sequence with an event in its outbox, the
 * relay's lease of the project, written only if the entries it read are still pending, and an alert
 * looked up by fingerprint, newest first. Apart from the reports, the read of the programme figures'
 * job: the latest updates of 100 projects in one query, a clause per project (see {@code ProgressLedger}).
 * The collections hold 200 projects, 500 alerts and {@code archived} archived updates (20,000 by
 * default, about what one run of {@code ./shanhai bench} leaves), over {@code rounds} turns each (3 by
 * default). Prints, for each turn and as each server's median, reports per second,
 * the microseconds each kind of query took, and the microseconds of one figures' read.
 */
final class WireServerBench {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final int PROJECTS = 200;
  private static final int ALERTS = 500;
  private static final List<String> QUERIES = List.of("update in the archive by id and project",
      "project written at its sequence", "lease written if its entries are pending", "alert by fingerprint");
  /** The figures' read, timed apart: once per refresh of the dashboards' figures, not once per report. */
  private static final int FIGURES_PROJECTS = 100;
  private static final String FIGURES_READ = "the figures' read of " + FIGURES_PROJECTS + " projects";
  private static final int FIGURES_READS = 20;

  private WireServerBench() {
  }

  public static void main(String[] args) throws IOException {
    int archived = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    System.setProperty("shanhai.logs", Files.createTempDirectory("shanhai-bench-wire-server").toString());
    System.setProperty("logback.configurationFile", "localstack-logback.xml");
    Map<String, Supplier<Server>> servers = new LinkedHashMap<>();
    servers.put("indexed (MongoWireServer.inMemory)", () -> {
      MongoWireServer server = MongoWireServer.inMemory(Ports.free()).start();
      return new Server(server.connectionString(), server::close);
    });
    servers.put("mongo-java-server's MemoryBackend", () -> {
      MongoServer server = new MongoServer(new MemoryBackend());
      int port = Ports.free();
      server.bind(new InetSocketAddress("localhost", port));
      return new Server("mongodb://localhost:" + port, server::shutdownNow);
    });
    System.out.printf("wire server bench on %d cores, java %s: %d projects, %d alerts, %d archived updates%n",
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), PROJECTS, ALERTS, archived);
    System.out.printf("%-44s %10s  %s%n", "", "reports/s",
        "µs per query: " + String.join(", ", QUERIES) + "; " + FIGURES_READ);
    Map<String, List<double[]>> figures = new LinkedHashMap<>();
    for (int round = 1; round <= rounds; round++) {
      for (Map.Entry<String, Supplier<Server>> server : servers.entrySet()) {
        double[] figure = run(server.getValue().get(), archived);
        figures.computeIfAbsent(server.getKey(), k -> new ArrayList<>()).add(figure);
        print("round " + round + "  " + server.getKey(), figure);
      }
    }
    figures.forEach((name, all) -> print("median   " + name, IntStream.range(0, QUERIES.size() + 2)
        .mapToDouble(i -> median(all.stream().mapToDouble(f -> f[i]).toArray())).toArray()));
  }

  private static void print(String what, double[] figure) {
    System.out.printf("%-44s %10.0f  %s%n", what, figure[0], Arrays.stream(figure, 1, figure.length)
        .mapToObj("%.0f"::formatted).collect(Collectors.joining(", ")));
  }

  private record Server(String connectionString, Runnable close) {
  }

  /** Fills a fresh server, warms up, then times the reports: reports per second, then µs per query of each kind. */
  private static double[] run(Server server, int archived) {
    try (MongoClient client = MongoClients.create(server.connectionString())) {
      MongoDatabase database = client.getDatabase("bench");
      MongoCollection<Document> projects = database.getCollection("projects");
      MongoCollection<Document> archive = database.getCollection("project_updates");
      MongoCollection<Document> alerts = database.getCollection("alerts");
      Mono.from(archive.createIndex(Indexes.compoundIndex(Indexes.ascending("projectId"), Indexes.descending("sequence"))))
          .block(WAIT);
      Mono.from(alerts.createIndex(Indexes.compoundIndex(Indexes.ascending("fingerprint"), Indexes.descending("occurrence"))))
          .block(WAIT);
      List<Document> filler = new ArrayList<>();
      for (int p = 0; p < PROJECTS; p++) {
        filler.add(new Document("_id", project(p)).append("sequence", 0L).append("name", "bench project " + p)
            .append("outbox", List.of()));
      }
      Mono.from(projects.insertMany(filler)).block(WAIT);
      insertInBatches(archive, archived, u -> new Document("_id", "u" + u).append("projectId", project(u % PROJECTS))
          .append("sequence", (long) u).append("figures", new Document("invested", "1000000.00").append("jobs", 12)));
      insertInBatches(alerts, ALERTS, a -> new Document("_id", "a" + a).append("fingerprint", fingerprint(a))
          .append("occurrence", 1).append("state", "FIRING"));
      long[] sequence = new long[PROJECTS];
      reports(projects, archive, alerts, sequence, 0, 500);
      int reports = 2_000;
      long[] nanos = reports(projects, archive, alerts, sequence, 500, reports);
      double[] figure = new double[QUERIES.size() + 2];
      figure[0] = reports / (LongStream.of(nanos).sum() / 1e9);
      for (int q = 0; q < nanos.length; q++) {
        figure[q + 1] = nanos[q] / 1e3 / reports;
      }
      figure[QUERIES.size() + 1] = figuresRead(archive, archived) / 1e3;
      return figure;
    } finally {
      server.close().run();
    }
  }

  /** Reports {@code from} to {@code from + count}; the nanoseconds each kind of query took in all. */
  private static long[] reports(MongoCollection<Document> projects, MongoCollection<Document> archive,
      MongoCollection<Document> alerts, long[] sequence, int from, int count) {
    long[] nanos = new long[QUERIES.size()];
    for (int r = from; r < from + count; r++) {
      int p = r % PROJECTS;
      long start = System.nanoTime();
      Mono.from(archive.find(and(eq("_id", "report-" + r), eq("projectId", project(p)))).first()).block(WAIT);
      long archived = System.nanoTime();
      Mono.from(projects.updateOne(and(eq("_id", project(p)), eq("sequence", sequence[p])), Updates.combine(
          Updates.set("sequence", sequence[p] + 1), Updates.push("outbox", new Document("id", "e" + r)))))
          .block(WAIT);
      sequence[p]++;
      long written = System.nanoTime();
      // The relay's lease: written only while the document is free and the entries it read are pending.
      Mono.from(projects.updateOne(and(eq("_id", project(p)), all("outbox.id", List.of("e" + r)),
          or(exists("lease", false), lt("lease.until", new Date()))),
          Updates.set("lease", new Document("pass", "pass-" + r).append("until", new Date())))).block(WAIT);
      long leased = System.nanoTime();
      Mono.from(alerts.find(eq("fingerprint", fingerprint(r % ALERTS))).sort(Sorts.descending("occurrence")).first())
          .block(WAIT);
      long alerted = System.nanoTime();
      nanos[0] += archived - start;
      nanos[1] += written - archived;
      nanos[2] += leased - written;
      nanos[3] += alerted - leased;
    }
    return nanos;
  }

  /**
   * The figures job's read, as {@code ProgressLedger} sends it (at most 100 projects a read): the last
   * ten archived updates of each of {@link #FIGURES_PROJECTS} projects, a clause per project, in project
   * and sequence order; nanoseconds per read.
   */
  private static long figuresRead(MongoCollection<Document> archive, int archived) {
    long latest = archived - 1;
    List<Bson> stretches = IntStream.range(0, FIGURES_PROJECTS).mapToObj(p -> and(eq("projectId", project(p)),
        gt("sequence", latest - 10L * PROJECTS), lte("sequence", latest))).toList();
    long start = System.nanoTime();
    for (int read = 0; read < FIGURES_READS; read++) {
      Flux.from(archive.find(or(stretches)).sort(Sorts.ascending("projectId", "sequence"))).collectList().block(WAIT);
    }
    return (System.nanoTime() - start) / FIGURES_READS;
  }

  private static void insertInBatches(MongoCollection<Document> collection, int count,
      IntFunction<Document> document) {
    for (int from = 0; from < count; from += 1_000) {
      List<Document> batch = new ArrayList<>();
      for (int i = from; i < Math.min(count, from + 1_000); i++) {
        batch.add(document.apply(i));
      }
      Mono.from(collection.insertMany(batch)).block(WAIT);
    }
  }

  private static String project(int p) {
    return "PRJ-%04d".formatted(p);
  }

  private static String fingerprint(int a) {
    return "%032x".formatted(a);
  }

  private static double median(double[] values) {
    double[] sorted = DoubleStream.of(values).sorted().toArray();
    return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
        : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
  }
}
