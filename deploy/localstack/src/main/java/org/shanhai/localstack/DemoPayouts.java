package org.shanhai.localstack;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The payouts service's side of the demo data: villages, the shareholdings whose amounts the sources
 * state (常山's 94 villages' 93 million yuan at a 10% guarantee; 衢江's 120 villages' fixed return,
 * whose stated 2020 payment of 6 million yuan is recorded), and the aid transfers the sources state
 * with an amount, a date and a single funder. No payment is recorded that the sources do not state,
 * so 常山's payouts after 2020 show as overdue, which is what the data says.
 */
final class DemoPayouts {

  private final DemoApi api;
  private final String payoutsUrl;
  private final JsonNode root;
  private final Map<String, String> codes;

  DemoPayouts(DemoApi api, String payoutsUrl, JsonNode root, Map<String, String> codes) {
    this.api = api;
    this.payoutsUrl = payoutsUrl;
    this.root = root;
    this.codes = codes;
  }

  void load(Map<String, String> pairings, Map<String, String> projects) throws IOException, InterruptedException {
    Map<String, String> villages = villages();
    shareholdings(projects, villages);
    aid(pairings, villages);
  }

  private Map<String, String> villages() throws IOException, InterruptedException {
    Map<String, String> villages = new HashMap<>();
    for (JsonNode v : root.path("village_collectives")) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("name", v.path("name_zh").asText());
      body.put("county", codes.get(v.path("county_id").asText()));
      body.put("township", v.path("township_zh").isNull() ? null : v.path("township_zh").asText());
      api.postEventually(payoutsUrl, "/api/v1/villages", v.path("id").asText(), body)
          .ifPresent(id -> villages.put(v.path("id").asText(), id));
    }
    return villages;
  }

  private void shareholdings(Map<String, String> projects, Map<String, String> villages)
      throws IOException, InterruptedException {
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
      JsonNode terms = termsOf(holding);
      JsonNode paid = paymentUnder(terms);
      boolean fixed = "fixed".equals(holding.path("return_type").asText());
      boolean stated = fixed ? paid != null : holding.hasNonNull("amount_yuan") && holding.hasNonNull("guaranteed_rate");
      if (holding.path("enclave_link_inferred").asBoolean(false)) {
        api.skip("shareholdings whose enclave the sources only infer");
      } else if (enclave == null || group == null || !stated) {
        api.skip("shareholdings without stated holders or amounts");
      } else {
        register(holding, enclave, group, fixed, paid, villages);
      }
    }
  }

  private void register(JsonNode holding, String enclave, JsonNode group, boolean fixed, JsonNode paid,
      Map<String, String> villages) throws IOException, InterruptedException {
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
    Optional<String> shareholding = api.postEventually(payoutsUrl, "/api/v1/shareholdings",
        holding.path("id").asText(), body);
    if (shareholding.isPresent() && paid != null) {
      Map<String, Object> payment = new LinkedHashMap<>();
      payment.put("amount", paid.path("amount_total_yuan").asLong() + ".00");
      payment.put("paidOn", firstYear + "-12-31");
      payment.put("reference", paid.path("amount_as_reported").asText());
      api.post(payoutsUrl, "/api/v1/payouts/" + shareholding.get() + "-" + firstYear + "/disbursements",
          paid.path("id").asText(), payment);
    }
  }

  /**
   * Aid transfers the sources state with an amount, a date and a single funder, recorded as
   * disbursements to the village they went to. Co-funded sums are skipped: the partner's share is
   * not stated.
   */
  private void aid(Map<String, String> pairings, Map<String, String> villages) throws IOException, InterruptedException {
    for (JsonNode aid : root.path("aid_fund_transfers")) {
      String pairing = null;
      for (JsonNode p : root.path("pairings")) {
        if (p.path("mountain_county_id").asText().equals(aid.path("to_county_id").asText())
            && p.path("partner_county_id").asText().equals(aid.path("from_county_id").asText())) {
          pairing = pairings.get(p.path("id").asText());
        }
      }
      String date = aid.path("date").asText("");
      if (aid.has("co_funder_county_id") && !aid.path("co_funder_county_id").isNull()) {
        api.skip("aid transfers co-funded in shares not stated");
      } else if (pairing == null || !aid.hasNonNull("amount_yuan") || !date.matches("[0-9]{4}(-[0-9]{2})?")) {
        api.skip("aid transfers without a stated amount or date");
      } else {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("pairingId", pairing);
        body.put("villageId", villages.get(aid.path("to_village_id").asText()));
        body.put("transactionType", "DISBURSEMENT");
        body.put("amount", aid.path("amount_yuan").asLong() + ".00");
        body.put("date", date.length() == 4 ? date + "-12-31" : DemoData.endOfMonth(date));
        body.put("purpose", aid.path("purpose").asText());
        api.postEventually(payoutsUrl, "/api/v1/aid-transfers", aid.path("id").asText(), body);
      }
    }
  }

  private JsonNode termsOf(JsonNode holding) {
    for (JsonNode t : root.path("payout_terms")) {
      for (JsonNode id : t.path("shareholding_ids")) {
        if (id.asText().equals(holding.path("id").asText())) {
          return t;
        }
      }
    }
    return null;
  }

  /** The payment the sources state as paid, with its amount, under {@code terms}. */
  private JsonNode paymentUnder(JsonNode terms) {
    JsonNode paid = null;
    for (JsonNode d : root.path("disbursements")) {
      boolean ofThese = terms != null && d.path("payout_terms_id").asText().equals(terms.path("id").asText());
      paid = ofThese && "paid".equals(d.path("status").asText()) && d.hasNonNull("amount_total_yuan") ? d : paid;
    }
    return paid;
  }

  private static JsonNode find(JsonNode list, String id) {
    for (JsonNode item : list) {
      if (item.path("id").asText().equals(id)) {
        return item;
      }
    }
    return null;
  }
}
