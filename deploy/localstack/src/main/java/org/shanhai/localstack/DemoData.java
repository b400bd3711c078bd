package org.shanhai.localstack;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Loads the demo data from the fixtures (drawn from public reporting) through the services' own
 * HTTP APIs, as an officer would: pairings; every platform (enclave, park, demonstration site) and
 * project that belongs to a pairing of the programme, with its investment when the sources state
 * it and without when they do not; the updates the sources report; then villages, shareholdings,
 * payments and aid ({@link DemoPayouts}). Every write carries the fixture's id as its
 * Idempotency-Key, so loading twice changes nothing: the second run's writes are replays. What the
 * sources do not let it load is counted by reason.
 */
public final class DemoData {

  private final String projectsUrl;
  private final String payoutsUrl;
  private final DemoApi api;

  /** {@code payoutsUrl} may be null: then only the projects service's data is loaded. */
  DemoData(String projectsUrl, String payoutsUrl, Tokens tokens, PrintStream out) {
    this.projectsUrl = projectsUrl;
    this.payoutsUrl = payoutsUrl;
    this.api = new DemoApi(tokens, out);
  }

  /** What one load did: created, found already there (replayed), and skipped, by reason. */
  public record Summary(int created, int alreadyThere, Map<String, Integer> skipped) {

    public int skippedInAll() {
      return skipped.values().stream().mapToInt(Integer::intValue).sum();
    }
  }

  public Summary load(Path fixtures) throws IOException, InterruptedException {
    JsonNode root = DemoApi.JSON.readTree(fixtures.toFile());
    Map<String, String> codes = new HashMap<>();
    root.path("counties").forEach(c -> codes.put(c.path("id").asText(), c.path("gb_code").asText()));
    Map<String, String> pairings = pairings(root, codes);
    Map<String, String> projects = new HashMap<>();
    for (JsonNode platform : root.path("platforms")) {
      registerPlatform(root, platform, codes, pairings).ifPresent(id -> projects.put(platform.path("id").asText(), id));
    }
    for (JsonNode project : root.path("projects")) {
      registerProject(root, project, codes, pairings, projects)
          .ifPresent(id -> projects.put(project.path("id").asText(), id));
    }
    for (JsonNode update : root.path("project_updates")) {
      reportUpdate(update, projects);
    }
    if (payoutsUrl != null) {
      new DemoPayouts(api, payoutsUrl, root, codes).load(pairings, projects);
    }
    return api.summary();
  }

  /** Each pairing; when an officer registered the same two counties first, theirs is used. */
  private Map<String, String> pairings(JsonNode root, Map<String, String> codes)
      throws IOException, InterruptedException {
    Map<String, String> pairings = new HashMap<>();
    for (JsonNode p : root.path("pairings")) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("mountainCounty", codes.get(p.path("mountain_county_id").asText()));
      body.put("partnerCounty", codes.get(p.path("partner_county_id").asText()));
      // The seeds date most pairings only by the 2021 report that mentions them: "since 2021 at the latest".
      body.put("since", p.path("since").isNull() ? 2021 : Integer.parseInt(p.path("since").asText().substring(0, 4)));
      Optional<String> id = api.post(projectsUrl, "/api/v1/pairings", p.path("id").asText(), body, 409);
      if (id.isEmpty()) {
        id = runningPairing((String) body.get("mountainCounty"), (String) body.get("partnerCounty"));
        id.ifPresent(found -> api.alreadyThere());
      }
      id.ifPresent(found -> pairings.put(p.path("id").asText(), found));
    }
    return pairings;
  }

  /**
   * Enclaves, parks and demonstration sites are projects of their kind. One whose construction is a
   * project of the fixtures is registered as that project (the same enclave twice would count it twice).
   */
  private Optional<String> registerPlatform(JsonNode root, JsonNode platform, Map<String, String> codes,
      Map<String, String> pairings) throws IOException, InterruptedException {
    JsonNode pairingIds = platform.path("pairing_ids");
    String pairing = pairingIds.isEmpty() ? null : pairings.get(pairingIds.get(0).asText());
    if (pairing == null) {
      api.skip("platforms outside the programme's pairings");
      return Optional.empty();
    }
    for (JsonNode project : root.path("projects")) {
      if (project.path("platform_id").asText().equals(platform.path("id").asText())
          && "enclave_construction".equals(project.path("category").asText())) {
        api.skip("platforms registered as their construction project");
        return Optional.empty();
      }
    }
    String beneficiary = codes.get(platform.path("beneficiary_county_id").asText());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("pairingId", pairing);
    body.put("name", platform.hasNonNull("name_zh") ? platform.path("name_zh").asText()
        : platform.path("name_en").asText());
    body.put("kind", DemoRecords.platformKind(platform.path("kind").asText(null)));
    // Where the sources do not say where it is, it is placed in the county it serves.
    body.put("hostCounty", codes.getOrDefault(platform.path("host_county_id").asText(), beneficiary));
    long investment = platform.path("total_investment_yuan").asLong(platform.path("joint_investment_yuan").asLong(0));
    if (investment > 0) {
      body.put("plannedInvestment", investment + ".00");
    }
    body.put("status", DemoRecords.stage(platform.path("stage").asText()));
    return api.post(projectsUrl, "/api/v1/projects", platform.path("id").asText(), body);
  }

  private Optional<String> registerProject(JsonNode root, JsonNode project, Map<String, String> codes,
      Map<String, String> pairings, Map<String, String> registered) throws IOException, InterruptedException {
    String pairing = pairings.get(project.path("pairing_id").asText());
    if (pairing == null) {
      api.skip("projects outside the programme's pairings");
      return Optional.empty();
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("pairingId", pairing);
    body.put("name", project.path("name_zh").asText());
    body.put("kind", DemoRecords.projectKind(project.path("category").asText()));
    String location = codes.get(project.path("location_county_id").asText());
    body.put("hostCounty", location != null ? location : mountainCountyOf(root, project, codes));
    long investment = project.path("planned_total_investment_yuan").asLong(project.path("aid_funding_yuan").asLong(0));
    if (investment > 0) {
      body.put("plannedInvestment", investment + ".00");
    }
    body.put("status", DemoRecords.status(project.path("status").asText()));
    if (project.hasNonNull("started_on")) {
      body.put("plannedStart", DemoRecords.startOf(project.path("started_on").asText()));
    }
    String enclave = registered.get(project.path("platform_id").asText());
    if (enclave != null) {
      body.put("enclaveId", enclave);
    }
    return api.post(projectsUrl, "/api/v1/projects", project.path("id").asText(), body);
  }

  /** The mountain county of the project's pairing, where the sources do not say where the project is. */
  private static String mountainCountyOf(JsonNode root, JsonNode project, Map<String, String> codes) {
    for (JsonNode pairing : root.path("pairings")) {
      if (pairing.path("id").asText().equals(project.path("pairing_id").asText())) {
        return codes.get(pairing.path("mountain_county_id").asText());
      }
    }
    return null;
  }

  private void reportUpdate(JsonNode update, Map<String, String> projects) throws IOException, InterruptedException {
    String projectId = projects.get(update.has("project_id") ? update.path("project_id").asText()
        : update.path("platform_id").asText());
    if (projectId == null) {
      api.skip("updates of projects not loaded");
      return;
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("reportDate", endOfMonth(update.path("reported_as_of").asText()));
    body.put("status", update.has("reported_stage") ? DemoRecords.stage(update.path("reported_stage").asText())
        : DemoRecords.status(update.path("reported_status").asText()));
    body.put("note", update.path("narrative_en").asText());
    api.post(projectsUrl, "/api/v1/projects/" + projectId + "/updates", update.path("id").asText(), body);
  }

  /** A month given without a day means the month's last day. */
  static String endOfMonth(String partialDate) {
    return partialDate.length() == 7 ? YearMonth.parse(partialDate).atEndOfMonth().toString() : partialDate;
  }

  private Optional<String> runningPairing(String mountain, String partner) throws IOException, InterruptedException {
    for (JsonNode pairing : api.get(projectsUrl, "/api/v1/pairings?size=200&county=" + mountain).path("items")) {
      if (pairing.path("partnerCounty").asText().equals(partner) && pairing.path("active").asBoolean()) {
        return Optional.of(pairing.path("id").asText());
      }
    }
    return Optional.empty();
  }
}
