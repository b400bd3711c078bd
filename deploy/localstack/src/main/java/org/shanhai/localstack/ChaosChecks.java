package org.shanhai.localstack;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import org.shanhai.localstack.ChaosWorkload.Write;

/**
 * What the chaos run checks once the system has settled, from the outside only: the services' APIs
 * (as the province), the topics read from the beginning, and what the subscriber received. Each
 * check is one line, passed or failed, with its figures and, when it failed, the first cases.
 */
final class ChaosChecks {

  /** One check's outcome. */
  record Check(String name, boolean passed, String detail) {
  }

  /** One record of a topic: its CloudEvents id, type and subject, and its data. */
  record Published(String topic, String id, String type, String subject, Instant time, JsonNode data) {
  }

  static final List<String> TOPICS = List.of("shanhai.projects.v1", "shanhai.payouts.v1", "shanhai.alerts.v1");
  private static final int EXAMPLES = 3;

  private final ChaosHttp http = new ChaosHttp();
  private final String bearer;
  private final Map<String, String> urls;
  private final List<Write> writes;
  private final List<Published> published;
  private final List<ChaosSubscriber.Received> received;
  private final String subscription;
  private final Instant subscribedAt;
  /** "type alertId" of each notification: the subscription's deliveries of it, as status, reason and attempts. */
  private final Map<String, List<String>> deliveries = new HashMap<>();
  private final List<Check> checks = new ArrayList<>();

  // The stores, as their APIs show them.
  private final Map<String, List<JsonNode>> projectsByCode = new HashMap<>();
  private final Map<String, List<JsonNode>> updatesByMark = new HashMap<>();
  private final Map<String, List<JsonNode>> villagesByName = new HashMap<>();
  private final Map<String, List<JsonNode>> shareholdingsByHolder = new HashMap<>();
  private final Map<String, List<JsonNode>> disbursementsByReference = new HashMap<>();
  private final List<JsonNode> payouts = new ArrayList<>();
  private final List<JsonNode> projects = new ArrayList<>();
  private final List<JsonNode> alerts = new ArrayList<>();
  /** Distinct event ids per "type resource": a fact published once has one, whatever the relay sent again. */
  private final Map<String, Set<String>> eventIds = new HashMap<>();

  ChaosChecks(String bearer, Map<String, String> urls, List<Write> writes, List<Published> published,
      List<ChaosSubscriber.Received> received, String subscription, Instant subscribedAt) {
    this.subscription = subscription;
    this.subscribedAt = subscribedAt;
    this.bearer = bearer;
    this.urls = urls;
    this.writes = writes;
    this.published = published;
    this.received = received;
  }

  /** Every record of the topics, from the beginning to their ends now. */
  static List<Published> readTopics(String bootstrapServers) {
    List<Published> records = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new StringDeserializer())) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (String topic : TOPICS) {
        consumer.partitionsFor(topic, Duration.ofSeconds(30))
            .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
      while (ends.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
          try {
            records.add(new Published(r.topic(), header(r, "ce_id"), header(r, "ce_type"), header(r, "ce_subject"),
                time(header(r, "ce_time")), DemoApi.JSON.readTree(r.value())));
          } catch (IOException e) {
            records.add(new Published(r.topic(), header(r, "ce_id"), "unreadable", header(r, "ce_subject"),
                time(header(r, "ce_time")), DemoApi.JSON.nullNode()));
          }
        }
      }
    }
    return records;
  }

  private static Instant time(String text) {
    try {
      return text.isEmpty() ? null : OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String header(ConsumerRecord<String, String> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
  }

  /** Runs every check; one line each. */
  List<Check> run(Map<String, String> pairings) {
    load(pairings);
    answeredWrites();
    refusedWrites();
    unansweredWrites();
    noEventWithoutFact();
    viewsMatchTopics("payouts");
    viewsMatchTopics("alerts");
    noPayoutTwice();
    noAlertTwice();
    alertsAgreeWithProjects();
    everyAlertNotified();
    webhookIdsStable();
    deadLetters();
    return List.copyOf(checks);
  }

  private void load(Map<String, String> pairings) {
    for (String pairing : pairings.values()) {
      for (JsonNode project : http.all(urls.get("projects") + "/api/v1/projects?pairing=" + pairing, bearer)) {
        projects.add(project);
        add(projectsByCode, project.path("externalCode").asText(), project);
        for (JsonNode update : http.all(urls.get("projects") + "/api/v1/projects/" + project.path("id").asText()
            + "/updates", bearer)) {
          add(updatesByMark, project.path("id").asText() + " " + amount(update.path("cumulativeInvestment")), update);
        }
      }
    }
    for (String county : pairings.keySet()) {
      for (JsonNode village : http.all(urls.get("payouts") + "/api/v1/villages?county=" + county, bearer)) {
        add(villagesByName, village.path("name").asText(), village);
      }
      for (JsonNode holding : http.all(urls.get("payouts") + "/api/v1/shareholdings?county=" + county, bearer)) {
        add(shareholdingsByHolder, holding.path("holder").path("name").asText(), holding);
      }
      for (JsonNode payout : http.all(urls.get("payouts") + "/api/v1/payouts?county=" + county + "&year="
          + ChaosWorkload.PAYOUT_YEAR, bearer)) {
        payouts.add(payout);
        payout.path("disbursements").forEach(d -> add(disbursementsByReference, d.path("reference").asText(), d));
      }
    }
    alerts.addAll(http.all(urls.get("alerts") + "/api/v1/alerts", bearer));
    for (JsonNode delivery : http.all(urls.get("alerts") + "/api/v1/subscriptions/" + subscription
        + "/deliveries", bearer)) {
      delivery.path("items").forEach(i -> add(deliveries, i.path("eventType").asText() + " "
          + i.path("alertId").asText(), delivery.path("status").asText() + " (" + delivery.path("reason").asText()
          + ", " + delivery.path("attempts").size() + " attempts)"));
    }
    for (Published p : published) {
      String resource = switch (p.type()) {
        case "shanhai.project.registered.v1" -> p.subject();
        case "shanhai.project.progress-reported.v1" -> p.data().path("updateId").asText();
        case "shanhai.shareholding.registered.v1" -> p.data().path("shareholdingId").asText();
        case "shanhai.payout.disbursed.v1" -> p.data().path("disbursementId").asText();
        case "shanhai.alert.fired.v1", "shanhai.alert.resolved.v1" -> p.data().path("alert").path("alertId").asText();
        default -> null;
      };
      if (resource != null) {
        eventIds.computeIfAbsent(p.type() + " " + resource, k -> new HashSet<>()).add(p.id());
      }
    }
  }

  /** The stored things a write made: none, one, or (a duplicated effect) more. */
  private List<JsonNode> stored(Write w) {
    List<JsonNode> found = switch (w.kind) {
      case PROJECT -> projectsByCode.get(w.mark);
      case UPDATE, STATUS -> updatesByMark.get(w.parent + " " + amount(w.mark));
      case VILLAGE -> villagesByName.get(w.mark);
      case SHAREHOLDING -> shareholdingsByHolder.get(w.mark);
      case DISBURSEMENT -> disbursementsByReference.get(w.mark);
    };
    return found == null ? List.of() : found;
  }

  /** The distinct ids of the events that published what a write stored (villages publish nothing). */
  private int publications(Write w, JsonNode stored) {
    String type = switch (w.kind) {
      case PROJECT -> "shanhai.project.registered.v1";
      case UPDATE, STATUS -> "shanhai.project.progress-reported.v1";
      case SHAREHOLDING -> "shanhai.shareholding.registered.v1";
      case DISBURSEMENT -> "shanhai.payout.disbursed.v1";
      case VILLAGE -> null;
    };
    return type == null ? 1 : eventIds.getOrDefault(type + " " + stored.path("id").asText(), Set.of()).size();
  }

  private void answeredWrites() {
    List<String> failures = new ArrayList<>();
    int answered = 0;
    for (Write w : writes) {
      if (w.status / 100 != 2) {
        continue;
      }
      answered++;
      List<JsonNode> stored = stored(w);
      if (stored.size() != 1) {
        failures.add((stored.isEmpty() ? "lost: " : "stored " + stored.size() + " times: ") + w);
      } else if (publications(w, stored.get(0)) != 1) {
        failures.add("published under " + publications(w, stored.get(0)) + " event ids: " + w);
      }
    }
    long republished = published.size() - published.stream().map(Published::id).distinct().count();
    add("every write answered 2xx is stored once and its event is on Kafka once", failures,
        answered + " answered 2xx, lost or doubled " + failures.size() + "; " + republished
            + " records sent again by a relay under the same event id (consumers drop them)");
  }

  private void refusedWrites() {
    List<String> failures = new ArrayList<>();
    Map<String, Integer> byStatus = new TreeMap<>();
    for (Write w : writes) {
      if (w.status / 100 != 4) {
        continue;
      }
      byStatus.merge(w.kind + " " + w.status + " " + w.refusal, 1, Integer::sum);
      if (!stored(w).isEmpty()) {
        failures.add("refused but stored: " + w);
      }
    }
    add("every write refused 4xx left nothing stored", failures,
        byStatus.isEmpty() ? "none refused" : "refused: " + byStatus);
  }

  private void unansweredWrites() {
    List<String> failures = new ArrayList<>();
    int there = 0;
    int absent = 0;
    for (Write w : writes) {
      if (w.status != 0 && w.status / 100 != 5) {
        continue;
      }
      List<JsonNode> stored = stored(w);
      if (stored.isEmpty()) {
        absent++;
      } else if (stored.size() == 1 && publications(w, stored.get(0)) == 1) {
        there++;
      } else {
        failures.add("half there (stored " + stored.size() + ", published "
            + (stored.isEmpty() ? 0 : publications(w, stored.get(0))) + "): " + w);
      }
    }
    add("every write without an answer (or with a 5xx) is all there or not there at all", failures,
        (there + absent + failures.size()) + " without an answer: " + there + " all there, " + absent
            + " not there, " + failures.size() + " half there");
  }

  private void noEventWithoutFact() {
    Set<String> storedIds = new HashSet<>();
    projects.forEach(p -> storedIds.add(p.path("id").asText()));
    updatesByMark.values().forEach(list -> list.forEach(u -> storedIds.add(u.path("id").asText())));
    shareholdingsByHolder.values().forEach(list -> list.forEach(s -> storedIds.add(s.path("id").asText())));
    disbursementsByReference.values().forEach(list -> list.forEach(d -> storedIds.add(d.path("id").asText())));
    List<String> failures = new ArrayList<>();
    eventIds.keySet().stream().filter(k -> !k.startsWith("shanhai.alert."))
        .filter(k -> !storedIds.contains(k.substring(k.indexOf(' ') + 1)))
        .forEach(k -> failures.add("published, not stored: " + k));
    add("no event on Kafka without its fact in a store", failures, published.size() + " records on "
        + TOPICS.size() + " topics, " + eventIds.size() + " facts published");
  }

  private void viewsMatchTopics(String service) {
    JsonNode comparison = http.call(urls.get(service) + "/actuator/projections/compare", bearer);
    List<String> failures = new ArrayList<>();
    comparison.path("examples").forEach(e -> failures.add(e.asText()));
    long divergent = 0;
    for (JsonNode n : comparison.path("divergent")) {
      divergent += n.asLong();
    }
    if (divergent > 0 && failures.isEmpty()) {
      failures.add("divergent " + comparison.path("divergent"));
    }
    add("the " + service + " service's views equal a fold of its topics from the beginning", divergent == 0
        ? List.of() : failures, "divergent " + divergent + " " + comparison.path("divergent") + " after folding "
            + comparison.path("events").asLong() + " records");
  }

  private void noPayoutTwice() {
    List<String> failures = new ArrayList<>();
    int disbursements = 0;
    for (JsonNode payout : payouts) {
      BigDecimal sum = BigDecimal.ZERO;
      for (JsonNode d : payout.path("disbursements")) {
        disbursements++;
        sum = sum.add(new BigDecimal(d.path("amount").asText()));
        int events = eventIds.getOrDefault("shanhai.payout.disbursed.v1 " + d.path("id").asText(), Set.of()).size();
        if (events != 1) {
          failures.add("disbursement " + d.path("id").asText() + " published under " + events + " event ids");
        }
      }
      if (sum.compareTo(new BigDecimal(payout.path("paidAmount").asText())) != 0) {
        failures.add("payout " + payout.path("id").asText() + " paid " + payout.path("paidAmount").asText()
            + " but its disbursements add up to " + sum);
      }
    }
    disbursementsByReference.forEach((reference, list) -> {
      if (list.size() > 1) {
        failures.add("payment " + reference + " recorded " + list.size() + " times");
      }
    });
    add("no payout disbursed twice", failures, payouts.size() + " payouts, " + disbursements + " disbursements");
  }

  private void noAlertTwice() {
    List<String> failures = new ArrayList<>();
    Map<String, Integer> occurrences = new HashMap<>();
    Map<String, Integer> open = new HashMap<>();
    for (JsonNode alert : alerts) {
      occurrences.merge(alert.path("fingerprint").asText() + " #" + alert.path("occurrence").asInt(), 1, Integer::sum);
      if (!"RESOLVED".equals(alert.path("state").asText())) {
        open.merge(alert.path("fingerprint").asText(), 1, Integer::sum);
      }
    }
    occurrences.forEach((o, n) -> {
      if (n > 1) {
        failures.add("occurrence " + o + " stored " + n + " times");
      }
    });
    open.forEach((f, n) -> {
      if (n > 1) {
        failures.add(n + " open alerts for " + f);
      }
    });
    eventIds.forEach((k, ids) -> {
      if (k.startsWith("shanhai.alert.") && ids.size() > 1) {
        failures.add(k + " published under " + ids.size() + " event ids");
      }
    });
    add("no alert fired twice for one occurrence", failures, alerts.size() + " alerts, "
        + count(a -> !"RESOLVED".equals(a.path("state").asText())) + " open");
  }

  private void alertsAgreeWithProjects() {
    Set<String> suspendedAlerts = new HashSet<>();
    for (JsonNode alert : alerts) {
      if ("project-suspended".equals(alert.path("rule").asText()) && !"RESOLVED".equals(alert.path("state").asText())) {
        suspendedAlerts.add(alert.path("project").asText());
      }
    }
    List<String> failures = new ArrayList<>();
    int suspended = 0;
    for (JsonNode project : projects) {
      boolean isSuspended = "SUSPENDED".equals(project.path("status").asText());
      suspended += isSuspended ? 1 : 0;
      if (isSuspended != suspendedAlerts.contains(project.path("id").asText())) {
        failures.add("project " + project.path("id").asText() + " is " + project.path("status").asText() + " but "
            + (isSuspended ? "no" : "an") + " open project-suspended alert");
      }
    }
    add("open project-suspended alerts are exactly the suspended projects", failures,
        projects.size() + " projects, " + suspended + " suspended, " + suspendedAlerts.size() + " open alerts");
  }

  private void everyAlertNotified() {
    Set<String> accepted = new HashSet<>();
    received.stream().filter(ChaosSubscriber.Received::accepted).forEach(r -> accepted.add(r.eventType() + " "
        + r.alertId()));
    List<String> failures = new ArrayList<>();
    Map<String, Integer> counts = new TreeMap<>();
    Set<String> seen = new HashSet<>();
    for (Published p : published) {
      boolean notice = p.type().equals("shanhai.alert.fired.v1") || p.type().equals("shanhai.alert.resolved.v1");
      String key = p.type() + " " + p.data().path("alert").path("alertId").asText();
      if (!notice || !seen.add(key)) {
        continue;
      }
      if (p.time() != null && p.time().isBefore(subscribedAt)) {
        counts.merge("before the subscription", 1, Integer::sum);
        continue;
      }
      List<String> sent = deliveries.getOrDefault(key, List.of());
      if (!sent.isEmpty() && sent.stream().allMatch(d -> d.startsWith("SUPPRESSED"))) {
        counts.merge("held back by inhibition or silence, as the deliveries say", 1, Integer::sum);
      } else if (accepted.contains(key)) {
        counts.merge(p.type().contains("fired") ? "fired, received" : "resolved, received", 1, Integer::sum);
      } else {
        String alertId = key.substring(key.indexOf(' ') + 1);
        failures.add("never received: " + key + " " + alerts.stream().filter(a -> a.path("id").asText()
            .equals(alertId)).map(a -> a.path("rule").asText() + " " + a.path("subjectId").asText() + " fired at "
            + a.path("firedAt").asText()).findFirst().orElse("(not stored)") + ", deliveries " + sent);
      }
    }
    add("every alert fired and resolved reached the subscriber (unless held back)", failures, counts + "; "
        + received.size() + " deliveries received, repeats included");
  }

  private void webhookIdsStable() {
    Map<String, Set<String>> ids = new HashMap<>();
    Map<String, Set<String>> bodies = new HashMap<>();
    List<String> failures = new ArrayList<>();
    for (ChaosSubscriber.Received r : received) {
      ids.computeIfAbsent(r.eventType() + " " + r.alertId(), k -> new HashSet<>()).add(r.webhookId());
      bodies.computeIfAbsent(r.webhookId(), k -> new HashSet<>()).add(r.body());
      if (!r.signed()) {
        failures.add("signature does not hold: webhook-id " + r.webhookId());
      }
    }
    ids.forEach((k, set) -> {
      if (set.size() > 1) {
        failures.add(k + " sent under " + set.size() + " webhook-ids");
      }
    });
    long repeats = received.size() - ids.size();
    add("each notification kept one webhook-id and a valid signature through its retries", failures,
        ids.size() + " notifications, " + repeats + " repeats the subscriber can drop by webhook-id");
  }

  private void deadLetters() {
    List<String> failures = new ArrayList<>();
    List<String> letters = new ArrayList<>();
    for (String service : List.of("payouts", "alerts")) {
      JsonNode topics = http.get(urls.get(service) + "/actuator/deadletters", bearer);
      for (var topic : (Iterable<Map.Entry<String, JsonNode>>) topics::fields) {
        if (topic.getValue().path("letters").asInt() == 0) {
          continue;
        }
        for (JsonNode letter : http.get(urls.get(service) + "/actuator/deadletters/" + topic.getKey(), bearer)) {
          String line = topic.getKey() + " " + letter.path("eventType").asText() + " " + letter.path("eventId").asText()
              + ": " + letter.path("error").asText();
          letters.add(line);
          if (letter.path("error").asText().isBlank()) {
            failures.add("without a cause: " + line);
          }
        }
      }
    }
    Check check = new Check("dead letters: none, or each with its cause", failures.isEmpty(),
        letters.isEmpty() ? "none" : letters.size() + ": " + String.join("; ", letters));
    checks.add(check);
  }

  private void add(String name, List<String> failures, String figures) {
    String detail = figures + (failures.isEmpty() ? "" : "; e.g. " + String.join("; ",
        failures.subList(0, Math.min(EXAMPLES, failures.size()))));
    checks.add(new Check(name, failures.isEmpty(), detail));
  }

  private long count(Predicate<JsonNode> which) {
    return alerts.stream().filter(which).count();
  }

  private static <T> void add(Map<String, List<T>> index, String key, T value) {
    index.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
  }

  private static String amount(JsonNode money) {
    return money.isMissingNode() || money.isNull() ? "" : amount(money.asText());
  }

  private static String amount(String money) {
    return new BigDecimal(money).stripTrailingZeros().toPlainString();
  }
}
