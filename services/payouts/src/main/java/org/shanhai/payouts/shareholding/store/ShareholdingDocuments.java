package org.shanhai.payouts.shareholding.store;

import java.time.MonthDay;
import java.util.List;

import org.bson.Document;
import org.shanhai.messaging.mongo.Values;
import org.shanhai.payouts.shareholding.Holder;
import org.shanhai.payouts.shareholding.Payout;
import org.shanhai.payouts.shareholding.PayoutStatus;
import org.shanhai.payouts.shareholding.ReturnType;
import org.shanhai.payouts.shareholding.Shareholding;

/** How a shareholding and its payout schedule are stored: amounts as Decimal128, dates as ISO strings. */
final class ShareholdingDocuments {

  private ShareholdingDocuments() {
  }

  static List<Document> payouts(Shareholding s) {
    return s.payouts().stream().map(ShareholdingDocuments::of).toList();
  }

  static Document of(Shareholding s) {
    return new Document("_id", s.id())
        .append("projectId", Values.project(s.projectId()))
        .append("pairingId", s.pairingId())
        .append("mountainCounty", Values.county(s.mountainCounty()))
        .append("partnerCounty", Values.county(s.partnerCounty()))
        .append("holder", new Document("villageId", s.holder().villageId())
            .append("name", s.holder().name())
            .append("villageCount", s.holder().villageCount())
            .append("villageIds", s.holder().villageIds()))
        .append("capital", Values.money(s.capital()))
        .append("returnType", s.returnType().name())
        .append("guaranteedRate", Values.decimal(s.guaranteedRate()))
        .append("fixedAnnualAmount", Values.money(s.fixedAnnualAmount()))
        .append("payoutMonthDay", s.payoutMonthDay().toString().substring(2))
        .append("firstPayoutYear", s.firstPayoutYear())
        .append("lastPayoutYear", s.lastPayoutYear())
        .append("payouts", payouts(s))
        .append("sequence", s.sequence())
        .append("registeredBy", s.registeredBy())
        .append("registeredAt", Values.instant(s.registeredAt()));
  }

  /** A stored shareholding with the payouts given (all of them, or the one a payout list unwound). */
  static Shareholding shareholding(Document d, List<Document> payouts) {
    Document h = d.get("holder", Document.class);
    return new Shareholding(d.getString("_id"), Values.project(d.getString("projectId")), d.getString("pairingId"),
        Values.county(d.getString("mountainCounty")), Values.county(d.getString("partnerCounty")),
        new Holder(h.getString("villageId"), h.getString("name"), h.getInteger("villageCount"),
            h.getList("villageIds", String.class)),
        Values.money(d.get("capital")), ReturnType.valueOf(d.getString("returnType")),
        Values.decimal(d.get("guaranteedRate")), Values.money(d.get("fixedAnnualAmount")),
        MonthDay.parse("--" + d.getString("payoutMonthDay")), d.getInteger("firstPayoutYear"),
        d.getInteger("lastPayoutYear"), payouts.stream().map(ShareholdingDocuments::payout).toList(),
        ((Number) d.get("sequence")).longValue(), d.getString("registeredBy"),
        Values.instant(d.getDate("registeredAt")));
  }

  static Shareholding shareholding(Document d) {
    return shareholding(d, d.getList("payouts", Document.class));
  }

  private static Document of(Payout p) {
    return new Document("year", p.year())
        .append("dueDate", Values.date(p.dueDate()))
        .append("guaranteedAmount", Values.money(p.guaranteedAmount()))
        .append("paidAmount", Values.money(p.paidAmount()))
        .append("status", p.status().name())
        .append("disbursements", p.disbursements().stream().map(x -> new Document("id", x.id())
            .append("amount", Values.money(x.amount()))
            .append("paidOn", Values.date(x.paidOn()))
            .append("reference", x.reference())
            .append("recordedBy", x.recordedBy())
            .append("recordedAt", Values.instant(x.recordedAt()))
            .append("requestHash", x.requestHash())).toList());
  }

  static Payout payout(Document p) {
    return new Payout(p.getInteger("year"), Values.date(p.getString("dueDate")), Values.money(p.get("guaranteedAmount")),
        Values.money(p.get("paidAmount")), PayoutStatus.valueOf(p.getString("status")),
        p.getList("disbursements", Document.class).stream().map(x -> new Payout.Disbursement(x.getString("id"),
            Values.money(x.get("amount")), Values.date(x.getString("paidOn")), x.getString("reference"),
            x.getString("recordedBy"), Values.instant(x.getDate("recordedAt")), x.getString("requestHash"))).toList());
  }
}
