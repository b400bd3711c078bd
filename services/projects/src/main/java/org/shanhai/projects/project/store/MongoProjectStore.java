package org.shanhai.projects.project.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.or;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.shanhai.events.Warning;
import org.shanhai.events.projects.InvestmentPlanPoint;
import org.shanhai.events.projects.ProjectRegistered;
import org.shanhai.messaging.outbox.Outbox;
import org.shanhai.messaging.outbox.OutboxCollection;
import org.shanhai.messaging.outbox.OutboxCollections;
import org.shanhai.messaging.mongo.Values;
import org.shanhai.web.paging.Page;
import org.shanhai.web.paging.PageRequest;
import org.shanhai.projects.project.ProgressFigures;
import org.shanhai.projects.project.Project;
import org.shanhai.projects.project.ProjectKind;
import org.shanhai.projects.project.ProjectQuery;
import org.shanhai.projects.project.ProjectStatus;
import org.shanhai.projects.project.ProjectStore;
import org.shanhai.projects.project.ProjectUpdate;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Projects in the {@code projects} collection. A project's updates live in its own document (array
 * {@code updates}) next to its outbox, so an update, the new project state and the events are one
 * atomic write, guarded by the project's {@code sequence} for optimistic concurrency.
 */
@Repository
class MongoProjectStore implements ProjectStore {

  private static final String UPDATES = "updates";

  private final OutboxCollection aggregates;
  private final MongoCollection<Document> projects;

  MongoProjectStore(OutboxCollections collections) {
    this.aggregates = collections.named("projects");
    this.projects = aggregates.documents();
  }

  @Override
  public Mono<Void> insert(Project project, String requestHash, ProjectRegistered event) {
    return aggregates.insert(toDocument(project).append("requestHash", requestHash).append(UPDATES, List.of()),
        List.of(event), DuplicateProject::new);
  }

  @Override
  public Mono<StoredProject> find(String id) {
    return Mono.from(projects.find(eq("_id", id)).projection(Projections.exclude(UPDATES, Outbox.FIELD)).first())
        .map(d -> new StoredProject(fromDocument(d), d.getString("requestHash")));
  }

  @Override
  public Mono<Boolean> apply(long expectedSequence, Project.Reported reported) {
    Project p = reported.project();
    List<Bson> changes = new ArrayList<>();
    toDocument(p).forEach((field, value) -> {
      if (!field.equals("_id")) {
        changes.add(Updates.set(field, value));
      }
    });
    changes.add(Updates.push(UPDATES, toDocument(reported.update())));
    return aggregates.applyIfAt(p.id(), expectedSequence, changes, reported.events());
  }

  @Override
  public Mono<Page<Project>> search(ProjectQuery query, PageRequest page) {
    List<Bson> filters = new ArrayList<>();
    if (query.pairingId() != null) {
      filters.add(eq("pairingId", query.pairingId()));
    }
    if (query.county() != null) {
      filters.add(or(eq("mountainCounty", query.county()), eq("partnerCounty", query.county())));
    }
    if (query.kind() != null) {
      filters.add(eq("kind", query.kind().name()));
    }
    if (query.status() != null) {
      filters.add(eq("status", query.status().name()));
    }
    Bson filter = filters.isEmpty() ? new Document() : and(filters);
    Mono<List<Project>> items = Flux.from(projects.find(filter)
            .projection(Projections.exclude(UPDATES, Outbox.FIELD))
            .sort(Sorts.ascending("registeredAt", "_id")).skip(page.offset()).limit(page.size()))
        .map(MongoProjectStore::fromDocument).collectList();
    return Mono.zip(items, Mono.from(projects.countDocuments(filter)))
        .map(t -> new Page<>(t.getT1(), page.page(), page.size(), t.getT2()));
  }

  /** Newest first. A project's updates are bounded (a report a month for decades fits one document easily). */
  @Override
  public Mono<Page<ProjectUpdate>> updates(String projectId, PageRequest page) {
    return allUpdates(projectId).map(all -> Page.of(all, page));
  }

  @Override
  public Mono<ProjectUpdate> findUpdate(String projectId, String updateId) {
    return allUpdates(projectId).flatMapIterable(all -> all).filter(u -> u.id().equals(updateId)).next();
  }

  private Mono<List<ProjectUpdate>> allUpdates(String projectId) {
    return Mono.from(projects.find(eq("_id", projectId)).projection(Projections.include(UPDATES)).first())
        .map(d -> d.getList(UPDATES, Document.class).stream()
            .map(u -> updateFromDocument(projectId, u))
            .sorted(Comparator.comparingLong(ProjectUpdate::sequence).reversed())
            .toList());
  }

  @Override
  public Flux<ProgressFigures> figures(int currentYear) {
    return Flux.from(projects.find().projection(Projections.exclude(Outbox.FIELD)))
        .map(d -> ProgressFigures.of(fromDocument(d), d.getList(UPDATES, Document.class, List.of()).stream()
            .map(u -> updateFromDocument(d.getString("_id"), u))
            .sorted(Comparator.comparingLong(ProjectUpdate::sequence)).toList(), currentYear));
  }

  private static Document toDocument(Project p) {
    return new Document("_id", p.id())
        .append("pairingId", p.pairingId())
        .append("mountainCounty", p.mountainCounty())
        .append("partnerCounty", p.partnerCounty())
        .append("name", p.name())
        .append("kind", p.kind().name())
        .append("hostCounty", p.hostCounty())
        .append("plannedInvestment", Values.money(p.plannedInvestment()))
        .append("investmentPlan", p.investmentPlan().stream()
            .map(pt -> new Document("date", Values.date(pt.date())).append("cumulative", Values.money(pt.cumulative())))
            .toList())
        .append("plannedStart", Values.date(p.plannedStart()))
        .append("plannedCompletion", Values.date(p.plannedCompletion()))
        .append("enclaveId", p.enclaveId())
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

  private static Project fromDocument(Document d) {
    return new Project(d.getString("_id"), d.getString("pairingId"), d.getString("mountainCounty"),
        d.getString("partnerCounty"), d.getString("name"), ProjectKind.valueOf(d.getString("kind")),
        d.getString("hostCounty"), Values.money(d.get("plannedInvestment")),
        d.getList("investmentPlan", Document.class).stream()
            .map(pt -> new InvestmentPlanPoint(Values.date(pt.getString("date")), Values.money(pt.get("cumulative"))))
            .toList(),
        Values.date(d.getString("plannedStart")), Values.date(d.getString("plannedCompletion")),
        d.getString("enclaveId"), ProjectStatus.valueOf(d.getString("status")),
        d.getString("suspendedFrom") == null ? null : ProjectStatus.valueOf(d.getString("suspendedFrom")),
        Values.date(d.getString("lastReportDate")), Values.money(d.get("cumulativeInvestment")),
        Values.money(d.get("fundsInPlace")), d.getInteger("jobsCreated"), ((Number) d.get("sequence")).longValue(),
        d.getString("registeredBy"), Values.instant(d.getDate("registeredAt")), d.getString("updatedBy"),
        Values.instant(d.getDate("updatedAt")));
  }

  private static Document toDocument(ProjectUpdate u) {
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
        .append("submittedAt", Values.instant(u.submittedAt()))
        .append("requestHash", u.requestHash());
  }

  private static ProjectUpdate updateFromDocument(String projectId, Document d) {
    return new ProjectUpdate(d.getString("id"), projectId, ((Number) d.get("sequence")).longValue(),
        Values.date(d.getString("reportDate")), ProjectStatus.valueOf(d.getString("status")),
        ProjectStatus.valueOf(d.getString("previousStatus")), Values.money(d.get("cumulativeInvestment")),
        Values.money(d.get("fundsInPlace")), d.getInteger("jobsCreated"), d.getString("note"),
        d.getList("fieldsReported", String.class),
        d.getList("warnings", Document.class).stream()
            .map(w -> new Warning(w.getString("code"), w.getString("field"), w.getString("message")))
            .toList(),
        d.getString("submittedBy"), Values.instant(d.getDate("submittedAt")), d.getString("requestHash"));
  }
}
