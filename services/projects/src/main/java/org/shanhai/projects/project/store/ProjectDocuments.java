package org.shanhai.projects.project.store;

import org.bson.Document;
import org.shanhai.events.Warning;
import org.shanhai.events.projects.InvestmentPlanPoint;
import org.shanhai.events.value.ProjectId;
import org.shanhai.messaging.mongo.Values;
import org.shanhai.projects.project.Project;
import org.shanhai.projects.project.ProjectKind;
import org.shanhai.projects.project.ProjectStatus;
import org.shanhai.projects.project.ProjectUpdate;

/** How a project and its updates are stored: each field by name, amounts as Decimal128, dates as ISO strings. */
final class ProjectDocuments {

  private ProjectDocuments() {
  }

  static Document of(Project p) {
    return new Document("_id", p.id().value())
        .append("pairingId", p.pairingId())
        .append("mountainCounty", Values.county(p.mountainCounty()))
        .append("partnerCounty", Values.county(p.partnerCounty()))
        .append("name", p.name())
        .append("externalCode", p.externalCode())
        .append("kind", p.kind().name())
        .append("hostCounty", Values.county(p.hostCounty()))
        .append("plannedInvestment", Values.money(p.plannedInvestment()))
        .append("investmentPlan", p.investmentPlan().stream()
            .map(pt -> new Document("date", Values.date(pt.date())).append("cumulative", Values.money(pt.cumulative())))
            .toList())
        .append("plannedStart", Values.date(p.plannedStart()))
        .append("plannedCompletion", Values.date(p.plannedCompletion()))
        .append("enclaveId", Values.project(p.enclaveId()))
        .append("status", p.status().name())
        .append("suspendedFrom", p.suspendedFrom() == null ? null : p.suspendedFrom().name())
        .append("lastReportDate", Values.date(p.lastReportDate()))
        .append("cumulativeInvestment", Values.money(p.cumulativeInvestment()))
        .append("fundsInPlace", Values.money(p.fundsInPlace()))
        .append("jobsCreated", p.jobsCreated())
        .append("sequence", p.sequence())
        .append("registeredBy", p.registeredBy())
        .append("registeredAt", Values.instant(p.registeredAt()))
        .append("updatedBy", p.updatedBy())
        .append("updatedAt", Values.instant(p.updatedAt()));
  }

  static Project project(Document d) {
    return new Project(Values.project(d.getString("_id")), d.getString("pairingId"),
        Values.county(d.getString("mountainCounty")), Values.county(d.getString("partnerCounty")), d.getString("name"),
        d.getString("externalCode"), ProjectKind.valueOf(d.getString("kind")), Values.county(d.getString("hostCounty")),
        Values.money(d.get("plannedInvestment")),
        d.getList("investmentPlan", Document.class).stream()
            .map(pt -> new InvestmentPlanPoint(Values.date(pt.getString("date")), Values.money(pt.get("cumulative"))))
            .toList(),
        Values.date(d.getString("plannedStart")), Values.date(d.getString("plannedCompletion")),
        Values.project(d.getString("enclaveId")), ProjectStatus.valueOf(d.getString("status")),
        d.getString("suspendedFrom") == null ? null : ProjectStatus.valueOf(d.getString("suspendedFrom")),
        Values.date(d.getString("lastReportDate")), Values.money(d.get("cumulativeInvestment")),
        Values.money(d.get("fundsInPlace")), d.getInteger("jobsCreated"), ((Number) d.get("sequence")).longValue(),
        d.getString("registeredBy"), Values.instant(d.getDate("registeredAt")), d.getString("updatedBy"),
        Values.instant(d.getDate("updatedAt")));
  }

  static Document of(ProjectUpdate u) {
    return new Document("id", u.id())
        .append("sequence", u.sequence())
        .append("reportDate", Values.date(u.reportDate()))
        .append("status", u.status().name())
        .append("previousStatus", u.previousStatus().name())
        .append("cumulativeInvestment", Values.money(u.cumulativeInvestment()))
        .append("fundsInPlace", Values.money(u.fundsInPlace()))
        .append("jobsCreated", u.jobsCreated())
        .append("note", u.note())
        .append("fieldsReported", u.fieldsReported())
        .append("warnings", u.warnings().stream()
            .map(w -> new Document("code", w.code()).append("field", w.field()).append("message", w.message()))
            .toList())
        .append("submittedBy", u.submittedBy())
        .append("submittedAt", Values.instant(u.submittedAt()));
  }

  static ProjectUpdate update(ProjectId projectId, Document d) {
    return new ProjectUpdate(d.getString("id"), projectId, ((Number) d.get("sequence")).longValue(),
        Values.date(d.getString("reportDate")), ProjectStatus.valueOf(d.getString("status")),
        ProjectStatus.valueOf(d.getString("previousStatus")), Values.money(d.get("cumulativeInvestment")),
        Values.money(d.get("fundsInPlace")), d.getInteger("jobsCreated"), d.getString("note"),
        d.getList("fieldsReported", String.class),
        d.getList("warnings", Document.class).stream()
            .map(w -> new Warning(w.getString("code"), w.getString("field"), w.getString("message")))
            .toList(),
        d.getString("submittedBy"), Values.instant(d.getDate("submittedAt")));
  }
}
