package org.shanhai.localstack;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The chaos run's officers: each signs in as a demo officer of a mountain county and, paced to spread
 * their share of the changes over the run, registers projects, reports progress, suspends and resumes
 * projects (which fires and resolves alerts), registers villages and shareholdings, and records
 * disbursements, each write with its own Idempotency-Key. A write that gets no answer is sent again
 * with the same key half of the time, as a person would, and left alone otherwise. Every write is
 * recorded with what came back and the value only it carries, by which the checks find its effect.
 */
final class ChaosWorkload {

  enum Kind { PROJECT, UPDATE, STATUS, VILLAGE, SHAREHOLDING, DISBURSEMENT }

  /** A demo officer of a mountain county and the partner county of the pairing they work in. */
  record Officer(String user, String county, String partner) {
  }

  static final List<Officer> OFFICERS = List.of(new Officer("officer.changshan", "330822", "330282"),
      new Officer("officer.qujiang", "330803", "330212"), new Officer("officer.qingyuan", "331126", "330106"));

  /** The year of the shareholdings' first payout, and of the payouts the disbursements go to. */
  static final int PAYOUT_YEAR = 2024;

  /**
   * One write: who sent it, what, its Idempotency-Key, the value only it carries ({@code mark}: a
   * project's code, an update's cumulative investment, a village's or holder's name, a payment's
   * reference), what it belongs to ({@code parent}: the project, or the payout), and what came back
   * ({@code status} 0: no answer, even after a second try).
   */
  static final class Write {
    final int number;
    final String officer;
    final String county;
    final Kind kind;
    final String key;
    final String mark;
    final String parent;
    volatile int status;
    volatile String id;
    volatile boolean retried;
    /** For a refusal, the problem's first error: field and code. */
    volatile String refusal;

    Write(int number, Officer officer, Kind kind, String key, String mark, String parent) {
      this.number = number;
      this.officer = officer.user();
      this.county = officer.county();
      this.kind = kind;
      this.key = key;
      this.mark = mark;
      this.parent = parent;
    }

    @Override
    public String toString() {
      return "#" + number + " " + kind + " " + mark + (parent == null ? "" : " of " + parent) + " by " + officer
          + " (" + (status == 0 ? "no answer" : status) + (retried ? ", sent twice" : "") + ")";
    }
  }

  private final ChaosHttp http = new ChaosHttp();
  private final Tokens tokens;
  private final DemoUsers users;
  private final String projects;
  private final String payouts;
  private final long seed;
  private final ConcurrentLinkedQueue<Write> writes = new ConcurrentLinkedQueue<>();
  private final Map<String, String> pairings = new LinkedHashMap<>();
  private final String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();

  ChaosWorkload(Tokens tokens, DemoUsers users, String projects, String payouts, long seed) {
    this.tokens = tokens;
    this.users = users;
    this.projects = projects;
    this.payouts = payouts;
    this.seed = seed;
  }

  /** The pairings the officers work in, registered by the province before the faults begin. */
  void prepare() throws IOException, InterruptedException {
    for (Officer officer : OFFICERS) {
      ChaosHttp.Answer answer = http.post(projects + "/api/v1/pairings", tokens.demoLoader(),
          "chaos-" + seed + "-pairing-" + officer.county(),
          Map.of("mountainCounty", officer.county(), "partnerCounty", officer.partner(), "since", 2012));
      if (answer.status() != 201) {
        throw new IllegalStateException("the pairing of " + officer.county() + " was refused: " + answer);
      }
      pairings.put(officer.county(), answer.body().path("id").asText());
    }
  }

  Map<String, String> pairings() {
    return pairings;
  }

  List<Write> writes() {
    return List.copyOf(writes);
  }

  /** The officer's share of {@code changes}, spread evenly over {@code length}. */
  Runnable officer(int index, int changes, Duration length) {
    Officer officer = OFFICERS.get(index);
    int share = changes / OFFICERS.size() + (index < changes % OFFICERS.size() ? 1 : 0);
    return () -> new Desk(officer, new Random(seed * 31 + index), index).work(share, length);
  }

  /** What one officer knows from the answers they got. */
  private final class Desk {
    private final Officer officer;
    private final Random random;
    private final int index;
    private final List<String> projectIds = new ArrayList<>();
    /** The industrial parks among them: villages hold shares in parks and enclaves, not in single projects. */
    private final List<String> parks = new ArrayList<>();
    private final Map<String, String> status = new HashMap<>();
    private final Map<String, Long> investment = new HashMap<>();
    private final List<String> villages = new ArrayList<>();
    private final List<String> shareholdings = new ArrayList<>();
    private int made;

    Desk(Officer officer, Random random, int index) {
      this.officer = officer;
      this.random = random;
      this.index = index;
    }

    void work(int share, Duration length) {
      long interval = length.toNanos() / Math.max(1, share);
      long start = System.nanoTime();
      for (int i = 0; i < share && !Thread.currentThread().isInterrupted(); i++) {
        long wait = start + i * interval - System.nanoTime();
        if (wait > 0) {
          ChaosStack.sleep(Duration.ofNanos(wait));
        }
        write();
      }
    }

    private void write() {
      double r = random.nextDouble();
      if (projectIds.isEmpty() || r < 0.06) {
        project();
      } else if (r < 0.50) {
        update(false);
      } else if (r < 0.65) {
        update(true);
      } else if (villages.isEmpty() || r < 0.71) {
        village();
      } else if (parks.isEmpty()) {
        project();
      } else if (shareholdings.isEmpty() || r < 0.78) {
        shareholding();
      } else {
        disbursement();
      }
    }

    private void project() {
      int n = next();
      String code = "CHAOS-" + n;
      boolean park = random.nextBoolean();
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("pairingId", pairings.get(officer.county()));
      body.put("name", "混沌测试项目 " + n);
      body.put("kind", park ? "INDUSTRIAL_PARK" : "INDUSTRIAL_PROJECT");
      body.put("hostCounty", officer.county());
      body.put("plannedInvestment", "1000000000.00");
      body.put("externalCode", code);
      Write w = send(new Write(n, officer, Kind.PROJECT, key(n), code, pairings.get(officer.county())),
          projects + "/api/v1/projects", body);
      if (w.status == 201) {
        projectIds.add(w.id);
        if (park) {
          parks.add(w.id);
        }
      }
    }

    private void update(boolean statusChange) {
      int n = next();
      String project = pick(projectIds);
      long value = investment.merge(project, 1L, Long::sum) + 1000;
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("reportDate", today);
      body.put("cumulativeInvestment", value + ".00");
      String to = "SUSPENDED".equals(status.get(project)) ? "UNDER_CONSTRUCTION" : "SUSPENDED";
      if (statusChange) {
        body.put("status", to);
      }
      Write w = send(new Write(n, officer, statusChange ? Kind.STATUS : Kind.UPDATE, key(n), value + ".00", project),
          projects + "/api/v1/projects/" + project + "/updates", body);
      if (w.status == 201 && statusChange) {
        status.put(project, to);
      }
    }

    private void village() {
      int n = next();
      String name = "混沌村" + n;
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("name", name);
      body.put("county", officer.county());
      Write w = send(new Write(n, officer, Kind.VILLAGE, key(n), name, null), payouts + "/api/v1/villages", body);
      if (w.status == 201) {
        villages.add(w.id);
      }
    }

    private void shareholding() {
      int n = next();
      String holder = "混沌股份" + n;
      String project = pick(parks);
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("projectId", project);
      body.put("holder", Map.of("name", holder, "villageCount", 1, "villageIds", List.of(pick(villages))));
      body.put("capital", "10000000.00");
      body.put("returnType", "GUARANTEED_MINIMUM");
      body.put("guaranteedRate", "0.10");
      body.put("payoutMonthDay", "12-31");
      body.put("firstPayoutYear", PAYOUT_YEAR);
      Write w = send(new Write(n, officer, Kind.SHAREHOLDING, key(n), holder, project),
          payouts + "/api/v1/shareholdings", body);
      if (w.status == 201) {
        shareholdings.add(w.id);
      }
    }

    private void disbursement() {
      int n = next();
      String payout = pick(shareholdings) + "-" + PAYOUT_YEAR;
      String reference = "CHAOS-" + n;
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("amount", "100.00");
      body.put("paidOn", PAYOUT_YEAR + "-12-31");
      body.put("reference", reference);
      send(new Write(n, officer, Kind.DISBURSEMENT, key(n), reference, payout),
          payouts + "/api/v1/payouts/" + payout + "/disbursements", body);
    }

    private Write send(Write write, String url, Map<String, Object> body) {
      writes.add(write);
      ChaosHttp.Answer answer = http.post(url, bearer(), write.key, body);
      if (!answer.answered() && random.nextBoolean()) {
        ChaosStack.sleep(Duration.ofMillis(1000 + random.nextInt(2000)));
        write.retried = true;
        answer = http.post(url, bearer(), write.key, body);
      }
      if (answer.status() == 201) {
        write.id = answer.body().path("id").asText();
      } else if (answer.answered()) {
        JsonNode error = answer.body().path("errors").path(0);
        write.refusal = error.isMissingNode() ? answer.body().path("title").asText()
            : error.path("field").asText() + " " + error.path("code").asText();
      }
      write.status = answer.status();
      return write;
    }

    private String bearer() {
      try {
        return tokens.bearer(officer.user(), users.password(officer.user()));
      } catch (IOException e) {
        throw new IllegalStateException("Keycloak refused " + officer.user() + "'s sign-in: " + e.getMessage(), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }

    /** Write numbers interleave the officers: 0, 3, 6, … for the first. */
    private int next() {
      return made++ * OFFICERS.size() + index;
    }

    private String pick(List<String> from) {
      return from.get(random.nextInt(from.size()));
    }

    private String key(int n) {
      return "chaos-" + seed + "-" + n;
    }
  }
}
