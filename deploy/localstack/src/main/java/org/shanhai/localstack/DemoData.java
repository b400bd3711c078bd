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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Loads the demo pairings, projects and updates from the fixtures (drawn from public reporting)
 * through the services' own HTTP API, as an officer would. Every write carries the fixture's id as
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

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String projectsUrl;
  private final PrintStream out;
  private int created;
  private int alreadyThere;
  private int skipped;

  public DemoData(String projectsUrl, PrintStream out) {
    this.projectsUrl = projectsUrl;
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
      Optional<String> id = post("/api/v1/pairings", p.path("id").asText(), body, 409);
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
    return new Summary(created, alreadyThere, skipped);
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
    return post(path, fixtureId, body, 0);
  }

  /**
   * POSTs with the fixture id as Idempotency-Key; the created (or replayed) resource's id. Empty,
   * with the problem printed, when refused; silently so for {@code expected}.
   */
  private Optional<String> post(String path, String fixtureId, Map<String, Object> body, int expected)
      throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(projectsUrl + path))
        .header("Content-Type", "application/json")
        .header("X-User", USER)
        .header("Idempotency-Key", "demo:" + fixtureId)
        .timeout(Duration.ofSeconds(30))
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
        .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
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
