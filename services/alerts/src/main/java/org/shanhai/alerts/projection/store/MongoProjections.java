package org.shanhai.alerts.projection.store;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.shanhai.alerts.config.AlertsProperties;
import org.shanhai.alerts.projection.PayoutView;
import org.shanhai.alerts.projection.ProjectView;
import org.shanhai.alerts.projection.Projections;
import org.shanhai.alerts.projection.VillageView;
import org.shanhai.events.payouts.PayoutDisbursed;
import org.shanhai.events.payouts.PayoutDue;
import org.shanhai.events.payouts.PayoutOverdue;
import org.shanhai.events.payouts.PayoutScheduled;
import org.shanhai.events.payouts.VillageIncomeReported;
import org.shanhai.events.projects.ProgressReported;
import org.shanhai.events.projects.ProjectRegistered;
import org.shanhai.events.projects.ProjectStatusChanged;
import org.shanhai.messaging.consumer.IncomingEvent;
import org.shanhai.messaging.consumer.Projection;
import org.shanhai.messaging.mongo.Values;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Projects, payouts and villages in {@code project_views}, {@code payout_views} and
 * {@code village_views}. A payout's document is guarded by its shareholding's sequence (payout
 * events count per shareholding), which still rises with every event about that payout. Event
 * types the rules do not need are ignored, and so are unknown fields (events evolve additively).
 */
@Repository
class MongoProjections implements Projections {

  private final MongoCollection<Document> projects;
  private final MongoCollection<Document> payouts;
  private final MongoCollection<Document> villages;
  private final JsonMapper json;
  private final ZoneId zone;

  MongoProjections(MongoDatabase database, JsonMapper json, AlertsProperties properties) {
    this.projects = database.getCollection("project_views");
    this.payouts = database.getCollection("payout_views");
    this.villages = database.getCollection("village_views");
    this.json = json;
    this.zone = properties.zone();
  }

  @Override
  public Mono<Projection.Outcome> apply(IncomingEvent event) {
    JsonNode data = Events.data(json, event);
    return switch (event.type()) {
      case ProjectRegistered.TYPE -> Projection.applyIfNewer(projects, event.subject(), event.sequence(), Updates.combine(
          labels(data), text(data, "name"), text(data, "status"), money(data, "plannedInvestment"),
          Updates.set("investmentPlan", plan(data)),
          Updates.set("registeredOn", Values.date(dateOf(Events.required(data, "registeredAt").asText())))));
      case ProgressReported.TYPE -> {
        // The status is taken from the status-changed event that follows, with its effective date, not from here.
        List<Bson> changes = new ArrayList<>(List.of(labels(data), money(data, "plannedInvestment"), text(data, "reportDate", "lastReportDate"),
            Updates.set("latestWarnings", warnings(data))));
        JsonNode cumulative = data.path("cumulativeInvestment");
        if (!cumulative.isNull() && !cumulative.isMissingNode()) {
          int year = LocalDate.parse(Events.required(data, "reportDate").asText()).getYear();
          changes.add(money(data, "cumulativeInvestment"));
          // Cumulative investment never goes down and events apply in sequence order: the last one of a year is its figure.
          changes.add(Updates.set("cumulativeByYear." + year, Values.money(Events.money(data, "cumulativeInvestment"))));
        }
        yield Projection.applyIfNewer(projects, event.subject(), event.sequence(), Updates.combine(changes));
      }
      case ProjectStatusChanged.TYPE -> Projection.applyIfNewer(projects, event.subject(), event.sequence(),
          Updates.combine(labels(data), text(data, "to", "status"), text(data, "effectiveDate", "statusSince")));
      case PayoutScheduled.TYPE, PayoutDue.TYPE, PayoutDisbursed.TYPE, PayoutOverdue.TYPE -> payout(event, data);
      case VillageIncomeReported.TYPE -> Projection.applyIfNewer(villages, event.subject(), event.sequence(),
          Updates.combine(text(data, "villageName", "name"), text(data, "county"),
              Updates.set("incomeByYear." + Events.required(data, "year").asInt(),
                  Values.money(Events.money(data, "income")))));
      default -> Mono.just(Projection.Outcome.IGNORED);
    };
  }

  private Mono<Projection.Outcome> payout(IncomingEvent event, JsonNode data) {
    JsonNode payout = Events.required(data, "payout");
    BigDecimal paid = event.type().equals(PayoutScheduled.TYPE) ? BigDecimal.ZERO.setScale(2)
        : Events.money(data, "paidAmount");
    String status = switch (event.type()) {
      case PayoutScheduled.TYPE -> "SCHEDULED";
      case PayoutDue.TYPE -> paid.signum() == 0 ? "DUE" : "PARTIALLY_PAID";
      case PayoutOverdue.TYPE -> "OVERDUE";
      default -> Events.required(data, "status").asText();
    };
    return Projection.applyIfNewer(payouts, Events.required(payout, "payoutId").asText(), event.sequence(),
        Updates.combine(text(payout, "shareholdingId"), text(payout, "projectId"), text(payout, "pairingId"),
            text(payout, "mountainCounty"), text(payout, "partnerCounty"),
            Updates.set("year", Events.required(payout, "year").asInt()), text(payout, "dueDate"),
            money(payout, "guaranteedAmount"), Updates.set("paidAmount", Values.money(paid)),
            Updates.set("status", status)));
  }

  @Override
  public Optional<Touched> touched(IncomingEvent event) {
    return switch (event.type()) {
      case ProjectRegistered.TYPE, ProgressReported.TYPE, ProjectStatusChanged.TYPE ->
          Optional.of(new Touched(Touched.Kind.PROJECT, event.subject()));
      case PayoutScheduled.TYPE, PayoutDue.TYPE, PayoutDisbursed.TYPE, PayoutOverdue.TYPE -> Optional.of(new Touched(
          Touched.Kind.PAYOUT, Events.required(Events.required(Events.data(json, event), "payout"), "payoutId").asText()));
      case VillageIncomeReported.TYPE -> Optional.of(new Touched(Touched.Kind.VILLAGE, event.subject()));
      default -> Optional.empty();
    };
  }

  @Override
  public Mono<ProjectView> project(String projectId) {
    return Mono.from(projects.find(eq("_id", projectId)).first()).filter(d -> d.getString("kind") != null)
        .map(MongoProjections::project);
  }

  @Override
  public Mono<PayoutView> payout(String payoutId) {
    return Mono.from(payouts.find(eq("_id", payoutId)).first()).map(MongoProjections::payout);
  }

  @Override
  public Mono<VillageView> village(String villageId) {
    return Mono.from(villages.find(eq("_id", villageId)).first()).filter(d -> d.getString("county") != null)
        .map(MongoProjections::village);
  }

  @Override
  public Flux<ProjectView> projects() {
    return Flux.from(projects.find(exists("kind"))).map(MongoProjections::project);
  }

  @Override
  public Flux<PayoutView> payouts() {
    return Flux.from(payouts.find()).map(MongoProjections::payout);
  }

  @Override
  public Flux<VillageView> villages() {
    return Flux.from(villages.find(exists("county"))).map(MongoProjections::village);
  }

  private static ProjectView project(Document d) {
    List<ProjectView.PlanPoint> plan = d.getList("investmentPlan", Document.class, List.of()).stream()
        .map(p -> new ProjectView.PlanPoint(Values.date(p.getString("date")), Values.money(p.get("cumulative"))))
        .toList();
    Map<Integer, BigDecimal> byYear = new TreeMap<>();
    Document years = d.get("cumulativeByYear", Document.class);
    if (years != null) {
      years.forEach((year, amount) -> byYear.put(Integer.parseInt(year), Values.money(amount)));
    }
    return new ProjectView(d.getString("_id"), d.getString("name"), d.getString("pairingId"),
        d.getString("mountainCounty"), d.getString("partnerCounty"), d.getString("kind"), d.getString("status"),
        Values.money(d.get("plannedInvestment")), plan, Values.money(d.get("cumulativeInvestment")),
        Values.date(d.getString("registeredOn")), Values.date(d.getString("lastReportDate")),
        Values.date(d.getString("statusSince")), d.getList("latestWarnings", String.class, List.of()), byYear);
  }

  private static PayoutView payout(Document d) {
    return new PayoutView(d.getString("_id"), d.getString("shareholdingId"), d.getString("projectId"),
        d.getString("pairingId"), d.getString("mountainCounty"), d.getString("partnerCounty"), d.getInteger("year"),
        Values.date(d.getString("dueDate")), Values.money(d.get("guaranteedAmount")), Values.money(d.get("paidAmount")),
        d.getString("status"));
  }

  private static VillageView village(Document d) {
    Document incomes = d.get("incomeByYear", Document.class);
    Map.Entry<String, Object> latest = incomes.entrySet().stream()
        .max((a, b) -> Integer.compare(Integer.parseInt(a.getKey()), Integer.parseInt(b.getKey()))).orElseThrow();
    return new VillageView(d.getString("_id"), d.getString("name"), d.getString("county"),
        Integer.parseInt(latest.getKey()), Values.money(latest.getValue()));
  }

  private LocalDate dateOf(String instant) {
    return Instant.parse(instant).atZone(zone).toLocalDate();
  }

  private static Bson labels(JsonNode data) {
    return Updates.combine(text(data, "pairingId"), text(data, "mountainCounty"), text(data, "partnerCounty"),
        text(data, "kind"));
  }

  private static List<Document> plan(JsonNode data) {
    List<Document> plan = new ArrayList<>();
    for (JsonNode point : data.path("investmentPlan")) {
      plan.add(new Document("date", Events.required(point, "date").asText())
          .append("cumulative", Values.money(Events.money(point, "cumulative"))));
    }
    return plan;
  }

  private static List<String> warnings(JsonNode data) {
    List<String> warnings = new ArrayList<>();
    for (JsonNode warning : data.path("warnings")) {
      warnings.add(warning.path("code").asText() + ": " + warning.path("message").asText());
    }
    return warnings;
  }

  private static Bson text(JsonNode data, String field) {
    return text(data, field, field);
  }

  private static Bson text(JsonNode data, String field, String stored) {
    return Updates.set(stored, Events.required(data, field).asText());
  }

  private static Bson money(JsonNode data, String field) {
    JsonNode value = data.path(field);
    return Updates.set(field, value.isNull() || value.isMissingNode() ? null : Values.money(Events.money(data, field)));
  }
}
