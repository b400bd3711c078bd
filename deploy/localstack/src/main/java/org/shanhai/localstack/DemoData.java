package org.shanhai.localstack;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Loads the demo data from the fixtures (drawn from public reporting) through the services' own
 * HTTP APIs, as an officer would: pairings, projects and updates; villages, shareholdings, the
 * payments and aid transfers the sources state. Every write carries the fixture's id as
 * its Idempotency-Key, so loading twice changes nothing: the second run's writes are replays.
 *
 * <p>The sources are fuzzy: a project without any stated investment cannot be registered (planned
 * investment is required) and is skipped with a note; projects outside the programme (no pairing)
 * are skipped; a month given without a day means the month's last day.
 */
public final class DemoData {

  /** Who the demo data is recorded as having been entered by. */
  static final String USER = "demo-loader";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** How long the payouts service may take to learn the demo projects from Kafka. */
  private static final Duration PROJECTION_WAIT = Duration.ofSeconds(90);

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String projectsUrl;
  private final String payoutsUrl;
  private final PrintStream out;
  private int created;
  private int alreadyThere;
  private int skipped;

  /** {@code payoutsUrl} may be null: then only the projects service's data is loaded. */
  public DemoData(String projectsUrl, String payoutsUrl, PrintStream out) {
    this.projectsUrl = projectsUrl;
    this.payoutsUrl = payoutsUrl;
    this.out = out;
  }

  /** What one load did. */
  public record Summary(int created, int alreadyThere, int skipped) {
  }

  public Summary load(Path fixtures) throws IOException, InterruptedException {
    JsonNode root = JSON.readTree(fixtures.toFile());
    Map<String, String> codes = new HashMap<>();
    root.path("counties").forEach(c -> codes.put(c.path("id").asText(), c.path("gb_code").asText()));

    Map<String, String> pairings = new HashMap<>();
    for (JsonNode p : root.path("pairings")) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("mountainCounty", codes.get(p.path("mountain_county_id").asText()));
      body.put("partnerCounty", codes.get(p.path("partner_county_id").asText()));
      // The seeds date most pairings only by the 2021 report that mentions them: "since 2021 at the latest".
      body.put("since", p.path("since").isNull() ? 2021 : Integer.parseInt(p.path("since").asText().substring(0, 4)));
      Optional<String> id = post(projectsUrl, "/api/v1/pairings", p.path("id").asText(), body, 409);
      if (id.isEmpty()) {
        // An officer registered these two counties' pairing before the demo did: use theirs.
        id = runningPairing((String) body.get("mountainCounty"), (String) body.get("partnerCounty"));
        id.ifPresent(found -> alreadyThere++);
      }
      id.ifPresent(found -> pairings.put(p.path("id").asText(), found));
    }

    Map<String, String> projects = new HashMap<>();
    for (JsonNode platform : root.path("platforms")) {
      registerPlatform(root, platform, codes, pairings).ifPresent(id -> projects.put(platform.path("id").asText(), id));
    }
    for (JsonNode project : root.path("projects")) {
      registerProject(project, codes, pairings, projects)
          .ifPresent(id -> projects.put(project.path("id").asText(), id));
    }
    for (JsonNode update : root.path("project_updates")) {
      String projectId = projects.get(update.path("project_id").asText());
      if (projectId == null) {
        skipped++;
        continue;
      }
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("reportDate", endOfMonth(update.path("reported_as_of").asText()));
      body.put("status", status(update.path("reported_status").asText()));
      body.put("note", update.path("narrative_en").asText());
      post("/api/v1/projects/" + projectId + "/updates", update.path("id").asText(), body);
    }
    if (payoutsUrl != null) {
      Map<String, String> villages = loadPayouts(root, codes, projects);
      loadAid(root, pairings, villages);
    }
    return new Summary(created, alreadyThere, skipped);
  }

  /**
   * Villages, and the shareholdings whose amounts the sources state: 常山's 94 villages' 93 million
   * yuan at a 10% guarantee, and 衢江's 120 villages' fixed return, whose stated 2020 payment of
   * 6 million yuan is recorded (the capital is not stated). Shareholdings the fixtures only infer, or
   * without amounts, are skipped; no payment is recorded that the sources do not state, so 常山's
   * payouts after 2020 show as overdue, which is what the data says.
   */
  private Map<String, String> loadPayouts(JsonNode root, Map<String, String> codes, Map<String, String> projects)
      throws IOException, InterruptedException {
    Map<String, String> villages = new HashMap<>();
    for (JsonNode v : root.path("village_collectives")) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("name", v.path("name_zh").asText());
      body.put("county", codes.get(v.path("county_id").asText()));
      body.put("township", v.path("township_zh").isNull() ? null : v.path("township_zh").asText());
      postEventually(payoutsUrl, "/api/v1/villages", v.path("id").asText(), body)
          .ifPresent(id -> villages.put(v.path("id").asText(), id));
    }
    Map<String, String> enclaves = new HashMap<>(projects);
    for (JsonNode project : root.path("projects")) {
      if ("enclave_construction".equals(project.path("category").asText())
          && projects.containsKey(project.path("id").asText())) {
        enclaves.put(project.path("platform_id").asText(), projects.get(project.path("id").asText()));
      }
    }
    for (JsonNode holding : root.path("shareholdings")) {
      String enclave = enclaves.get(holding.path("enclave_id").asText());
      JsonNode group = find(root.path("village_groups"), holding.path("holder_group_id").asText());
      JsonNode terms = null;
      for (JsonNode t : root.path("payout_terms")) {
        for (JsonNode id : t.path("shareholding_ids")) {
          terms = id.asText().equals(holding.path("id").asText()) ? t : terms;
        }
      }
      JsonNode paid = null;
      for (JsonNode d : root.path("disbursements")) {
        boolean ofThese = terms != null && d.path("payout_terms_id").asText().equals(terms.path("id").asText());
        paid = ofThese && "paid".equals(d.path("status").asText()) && d.hasNonNull("amount_total_yuan") ? d : paid;
      }
      boolean fixed = "fixed".equals(holding.path("return_type").asText());
      boolean stated = fixed ? paid != null : holding.hasNonNull("amount_yuan") && holding.hasNonNull("guaranteed_rate");
      if (enclave == null || group == null || !stated || holding.path("enclave_link_inferred").asBoolean(false)) {
        skipped++;
        continue;
      }
      List<String> members = new ArrayList<>();
      group.path("member_village_ids_known").forEach(m -> {
        if (villages.containsKey(m.asText())) {
          members.add(villages.get(m.asText()));
        }
      });
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("projectId", enclave);
      body.put("holder", Map.of("name", group.path("name_en").asText(), "villageCount",
          group.path("village_count").asInt(), "villageIds", members));
      body.put("capital", holding.hasNonNull("amount_yuan") ? holding.path("amount_yuan").asLong() + ".00" : null);
      body.put("returnType", fixed ? "FIXED" : "GUARANTEED_MINIMUM");
      int firstYear = paid != null ? paid.path("period").asInt() : 2020;
      if (fixed) {
        body.put("fixedAnnualAmount", paid.path("amount_total_yuan").asLong() + ".00");
        body.put("lastPayoutYear", firstYear);
      } else {
        body.put("guaranteedRate", holding.path("guaranteed_rate").decimalValue().setScale(2).toPlainString());
      }
      body.put("payoutMonthDay", "12-31");
      body.put("firstPayoutYear", firstYear);
      Optional<String> shareholding = postEventually(payoutsUrl, "/api/v1/shareholdings", holding.path("id").asText(),
          body);
      if (shareholding.isPresent() && paid != null) {
        Map<String, Object> payment = new LinkedHashMap<>();
        payment.put("amount", paid.path("amount_total_yuan").asLong() + ".00");
        payment.put("paidOn", firstYear + "-12-31");
        payment.put("reference", paid.path("amount_as_reported").asText());
        post(payoutsUrl, "/api/v1/payouts/" + shareholding.get() + "-" + firstYear + "/disbursements",
            paid.path("id").asText(), payment, 0);
      }
    }
    return villages;
  }

  /**
   * Aid transfers the sources state with an amount, a date and a single funder, recorded as
   * disbursements to the village they went to. Co-funded sums are skipped: the partner's share is
   * not stated.
   */
  private void loadAid(JsonNode root, Map<String, String> pairings, Map<String, String> villages)
      throws IOException, InterruptedException {
    for (JsonNode aid : root.path("aid_fund_transfers")) {
      String pairing = null;
      for (JsonNode p : root.path("pairings")) {
        if (p.path("mountain_county_id").asText().equals(aid.path("to_county_id").asText())
            && p.path("partner_county_id").asText().equals(aid.path("from_county_id").asText())) {
          pairing = pairings.get(p.path("id").asText());
        }
      }
      String date = aid.path("date").asText("");
      if (pairing == null || !aid.hasNonNull("amount_yuan") || aid.has("co_funder_county_id")
          || !date.matches("[0-9]{4}(-[0-9]{2})?")) {
        skipped++;
        continue;
      }
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("pairingId", pairing);
      body.put("villageId", villages.get(aid.path("to_village_id").asText()));
      body.put("transactionType", "DISBURSEMENT");
      body.put("amount", aid.path("amount_yuan").asLong() + ".00");
      body.put("date", date.length() == 4 ? date + "-12-31" : endOfMonth(date));
      body.put("purpose", aid.path("purpose").asText());
      postEventually(payoutsUrl, "/api/v1/aid-transfers", aid.path("id").asText(), body);
    }
  }

  private static JsonNode find(JsonNode list, String id) {
    for (JsonNode item : list) {
      if (item.path("id").asText().equals(id)) {
        return item;
      }
    }
    return null;
  }

  /**
   * POSTs to the payouts service, retrying while it answers that a project or county is unknown:
   * it learns them from Kafka, a moment after the projects service registered them.
   */
  private Optional<String> postEventually(String base, String path, String fixtureId, Map<String, Object> body)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + PROJECTION_WAIT.toNanos();
    while (true) {
      HttpResponse<String> response = send(base, path, fixtureId, body);
      boolean notYetKnown = response.statusCode() == 422 && (response.body().contains("\"code\":\"unknown\"")
          || response.body().contains("not-a-mountain-county"));
      if (!notYetKnown || System.nanoTime() > deadline) {
        return accepted(fixtureId, response, 0);
      }
      Thread.sleep(500);
    }
  }

  /**
   * Enclaves and parks are projects of their kind. The 常山—慈溪 enclave has no stated investment;
   * the 93 million yuan its 94 villages put in stands for it, as in DESIGN.md's API sketch.
   */
  private Optional<String> registerPlatform(JsonNode root, JsonNode platform, Map<String, String> codes,
      Map<String, String> pairings) throws IOException, InterruptedException {
    String kind = switch (platform.path("kind").asText()) {
      case "industrial_enclave" -> "INDUSTRIAL_ENCLAVE";
      case "innovation_enclave" -> "SCI_TECH_ENCLAVE";
      case "weak_village_enclave" -> "WEAK_VILLAGE_ENCLAVE";
      case "mountain_sea_industrial_park", "enclave_industrial_park" -> "INDUSTRIAL_PARK";
      case "eco_tourism_culture_park" -> "ECO_TOURISM_PARK";
      default -> null;
    };
    JsonNode pairingIds = platform.path("pairing_ids");
    String pairing = pairingIds.isEmpty() ? null : pairings.get(pairingIds.get(0).asText());
    long investment = platform.path("total_investment_yuan").asLong(0);
    for (JsonNode holding : root.path("shareholdings")) {
      if (investment == 0 && holding.path("enclave_id").asText().equals(platform.path("id").asText())) {
        investment = holding.path("amount_yuan").asLong(0);
      }
    }
    boolean builtAsProject = false;
    for (JsonNode project : root.path("projects")) {
      builtAsProject |= project.path("platform_id").asText().equals(platform.path("id").asText())
          && "enclave_construction".equals(project.path("category").asText());
    }
    if (kind == null || pairing == null || investment == 0 || builtAsProject) {
      skipped++;
      return Optional.empty();
    }
    String host = codes.getOrDefault(platform.path("host_county_id").asText(),
        codes.get(platform.path("beneficiary_county_id").asText()));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("pairingId", pairing);
    body.put("name", platform.path("name_zh").asText());
    body.put("kind", kind);
    body.put("hostCounty", host);
    body.put("plannedInvestment", investment + ".00");
    body.put("status", stage(platform.path("stage").asText()));
    return post("/api/v1/projects", platform.path("id").asText(), body);
  }

  private Optional<String> registerProject(JsonNode project, Map<String, String> codes,
      Map<String, String> pairings, Map<String, String> registered) throws IOException, InterruptedException {
    String pairing = pairings.get(project.path("pairing_id").asText());
    long investment = project.path("planned_total_investment_yuan").asLong(project.path("aid_funding_yuan").asLong(0));
    String host = codes.get(project.path("location_county_id").asText());
    if (pairing == null || investment == 0 || host == null) {
      skipped++;
      return Optional.empty();
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("pairingId", pairing);
    body.put("name", project.path("name_zh").asText());
    body.put("kind", kind(project));
    body.put("hostCounty", host);
    body.put("plannedInvestment", investment + ".00");
    body.put("status", status(project.path("status").asText()));
    if (project.hasNonNull("started_on")) {
      body.put("plannedStart", startOf(project.path("started_on").asText()));
    }
    String enclave = registered.get(project.path("platform_id").asText());
    if (enclave != null) {
      body.put("enclaveId", enclave);
    }
    return post("/api/v1/projects", project.path("id").asText(), body);
  }

  private static String kind(JsonNode project) {
    return switch (project.path("category").asText()) {
      case "enclave_construction" -> "WEAK_VILLAGE_ENCLAVE";
      case "cultural_tourism", "infrastructure" -> "ECO_TOURISM_PARK";
      case "rural_revitalization_aid", "rural_industry", "agriculture" -> "RURAL_REVITALISATION_SITE";
      case "consumption_support_facility" -> "CONSUMPTION_SUPPORT";
      default -> "INDUSTRIAL_PROJECT";
    };
  }

  /** The fixtures' status words, in DESIGN.md's status line. */
  private static String status(String reported) {
    return switch (reported) {
      case "started", "under_construction", "resumed" -> "UNDER_CONSTRUCTION";
      case "landed", "intent_signed", "investment_agreement_signed" -> "SIGNED";
      case "completed", "in_use" -> "COMPLETED";
      case "in_production", "trial_production" -> "IN_PRODUCTION";
      default -> "PLANNED";
    };
  }

  private static String stage(String stage) {
    return switch (stage) {
      case "operating" -> "IN_PRODUCTION";
      case "under_construction", "about_to_start", "construction_ready" -> "UNDER_CONSTRUCTION";
      case "completed" -> "COMPLETED";
      case "framework_agreement_signed", "co_construction_agreement_signed", "agreed" -> "SIGNED";
      default -> "PLANNED";
    };
  }

  /** The first day of a partial date ({@code 2019} or {@code 2020-01}). */
  private static String startOf(String partialDate) {
    return partialDate.length() == 4 ? partialDate + "-01-01"
        : partialDate.length() == 7 ? partialDate + "-01" : partialDate;
  }

  private static String endOfMonth(String partialDate) {
    return partialDate.length() == 7 ? YearMonth.parse(partialDate).atEndOfMonth().toString() : partialDate;
  }

  private Optional<String> runningPairing(String mountain, String partner) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(
            URI.create(projectsUrl + "/api/v1/pairings?size=200&county=" + mountain)).timeout(Duration.ofSeconds(30))
        .build(), HttpResponse.BodyHandlers.ofString());
    for (JsonNode pairing : JSON.readTree(response.body()).path("items")) {
      if (pairing.path("partnerCounty").asText().equals(partner) && pairing.path("active").asBoolean()) {
        return Optional.of(pairing.path("id").asText());
      }
    }
    return Optional.empty();
  }

  private Optional<String> post(String path, String fixtureId, Map<String, Object> body)
      throws IOException, InterruptedException {
    return post(projectsUrl, path, fixtureId, body, 0);
  }

  /**
   * POSTs with the fixture id as Idempotency-Key; the created (or replayed) resource's id. Empty,
   * with the problem printed, when refused; silently so for {@code expected}.
   */
  private Optional<String> post(String base, String path, String fixtureId, Map<String, Object> body, int expected)
      throws IOException, InterruptedException {
    return accepted(fixtureId, send(base, path, fixtureId, body), expected);
  }

  private HttpResponse<String> send(String base, String path, String fixtureId, Map<String, Object> body)
      throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/json")
        .header("X-User", USER)
        .header("Idempotency-Key", "demo:" + fixtureId)
        .timeout(Duration.ofSeconds(30))
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
        .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private Optional<String> accepted(String fixtureId, HttpResponse<String> response, int expected)
      throws IOException {
    if (response.statusCode() == expected) {
      return Optional.empty();
    }
    if (response.statusCode() != 201) {
      out.println("  ! " + fixtureId + " not loaded (" + response.statusCode() + "): " + response.body());
      skipped++;
      return Optional.empty();
    }
    if (response.headers().firstValue("Idempotent-Replayed").map(Boolean::parseBoolean).orElse(false)) {
      alreadyThere++;
    } else {
      created++;
    }
    return Optional.of(JSON.readTree(response.body()).path("id").asText());
  }
}
