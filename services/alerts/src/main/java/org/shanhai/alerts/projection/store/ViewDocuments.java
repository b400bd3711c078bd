package org.shanhai.alerts.projection.store;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.bson.Document;
import org.shanhai.alerts.projection.PayoutView;
import org.shanhai.alerts.projection.ProjectView;
import org.shanhai.alerts.projection.VillageView;
import org.shanhai.events.projects.InvestmentPlanPoint;
import org.shanhai.events.value.Money;
import org.shanhai.messaging.consumer.Views;
import org.shanhai.messaging.mongo.Values;

/** How the views are stored: amounts as Decimal128, dates as ISO strings, yearly figures keyed by the year. */
final class ViewDocuments {

  static final Views.Codec<ProjectView> PROJECT = new Views.Codec<>() {
    @Override
    public Document encode(ProjectView v) {
      return new Document("name", v.name()).append("pairingId", v.pairingId())
          .append("mountainCounty", Values.county(v.mountainCounty()))
          .append("partnerCounty", Values.county(v.partnerCounty())).append("kind", v.kind())
          .append("status", v.status()).append("plannedInvestment", Values.money(v.plannedInvestment()))
          .append("investmentPlan", v.investmentPlan().stream().map(p -> new Document("date", Values.date(p.date()))
              .append("cumulative", Values.money(p.cumulative()))).toList())
          .append("cumulativeInvestment", Values.money(v.cumulativeInvestment()))
          .append("registeredOn", Values.date(v.registeredOn()))
          .append("lastReportDate", Values.date(v.lastReportDate()))
          .append("statusSince", Values.date(v.statusSince()))
          .append("latestWarnings", v.latestWarnings())
          .append("cumulativeByYear", byYear(v.cumulativeByYear()));
    }

    @Override
    public ProjectView decode(Document d) {
      return new ProjectView(Values.project(d.getString("_id")), d.getString("name"), d.getString("pairingId"),
          Values.county(d.getString("mountainCounty")), Values.county(d.getString("partnerCounty")),
          d.getString("kind"), d.getString("status"), Values.money(d.get("plannedInvestment")),
          d.getList("investmentPlan", Document.class, List.of()).stream()
              .map(p -> new InvestmentPlanPoint(Values.date(p.getString("date")), Values.money(p.get("cumulative"))))
              .toList(),
          Values.money(d.get("cumulativeInvestment")), Values.date(d.getString("registeredOn")),
          Values.date(d.getString("lastReportDate")), Values.date(d.getString("statusSince")),
          d.getList("latestWarnings", String.class, List.of()), byYear(d.get("cumulativeByYear", Document.class)));
    }
  };

  static final Views.Codec<PayoutView> PAYOUT = new Views.Codec<>() {
    @Override
    public Document encode(PayoutView v) {
      return new Document("shareholdingId", v.shareholdingId()).append("projectId", Values.project(v.projectId()))
          .append("pairingId", v.pairingId()).append("mountainCounty", Values.county(v.mountainCounty()))
          .append("partnerCounty", Values.county(v.partnerCounty())).append("year", v.year())
          .append("dueDate", Values.date(v.dueDate())).append("guaranteedAmount", Values.money(v.guaranteedAmount()))
          .append("paidAmount", Values.money(v.paidAmount())).append("status", v.status());
    }

    @Override
    public PayoutView decode(Document d) {
      return new PayoutView(d.getString("_id"), d.getString("shareholdingId"), Values.project(d.getString("projectId")),
          d.getString("pairingId"), Values.county(d.getString("mountainCounty")),
          Values.county(d.getString("partnerCounty")), d.getInteger("year"), Values.date(d.getString("dueDate")),
          Values.money(d.get("guaranteedAmount")), Values.money(d.get("paidAmount")), d.getString("status"));
    }
  };

  static final Views.Codec<VillageView> VILLAGE = new Views.Codec<>() {
    @Override
    public Document encode(VillageView v) {
      return new Document("name", v.name()).append("county", Values.county(v.county()))
          .append("incomeByYear", byYear(v.incomeByYear()));
    }

    @Override
    public VillageView decode(Document d) {
      return new VillageView(d.getString("_id"), d.getString("name"), Values.county(d.getString("county")),
          byYear(d.get("incomeByYear", Document.class)));
    }
  };

  private ViewDocuments() {
  }

  private static Document byYear(Map<Integer, Money> amounts) {
    Document document = new Document();
    new TreeMap<>(amounts).forEach((year, amount) -> document.append(String.valueOf(year), Values.money(amount)));
    return document;
  }

  private static Map<Integer, Money> byYear(Document stored) {
    Map<Integer, Money> amounts = new TreeMap<>();
    if (stored != null) {
      stored.forEach((year, amount) -> amounts.put(Integer.parseInt(year), Values.money(amount)));
    }
    return Map.copyOf(amounts);
  }
}
