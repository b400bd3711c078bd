package org.shanhai.projects.project.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.or;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import jakarta.annotation.PostConstruct;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.shanhai.events.projects.ProjectRegistered;
import org.shanhai.events.value.ProjectId;
import org.shanhai.messaging.outbox.Outbox;
import org.shanhai.messaging.outbox.OutboxCollection;
import org.shanhai.messaging.outbox.OutboxCollections;
import org.shanhai.projects.project.Project;
import org.shanhai.projects.project.ProjectQuery;
import org.shanhai.projects.project.ProjectStore;
import org.shanhai.projects.project.ProjectUpdate;
import org.shanhai.web.paging.Page;
import org.shanhai.web.paging.PageRequest;
import org.shanhai.web.write.Stored;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Projects in the {@code projects} collection. A project's updates live in its own document (array
 * {@code updates}, oldest first) next to its outbox, so an update, the new project state and the
 * events are one atomic write, guarded by the project's {@code sequence} for optimistic concurrency.
 * A unique sparse index on {@code externalKey} keeps a county's own project codes unique per pairing.
 */
@Repository
class MongoProjectStore implements ProjectStore {

  private static final String UPDATES = "updates";
  /** The pairing and the external code together, set only when there is a code: unique, so a code names one project per pairing. */
  private static final String EXTERNAL_KEY = "externalKey";

  private final OutboxCollection aggregates;
  private final MongoCollection<Document> projects;

  MongoProjectStore(OutboxCollections collections) {
    this.aggregates = collections.named("projects");
    this.projects = aggregates.documents();
  }

  @PostConstruct
  void createIndexes() {
    Mono.from(projects.createIndex(Indexes.ascending(EXTERNAL_KEY), new IndexOptions().unique(true).sparse(true)))
        .then(Mono.from(projects.createIndex(Indexes.ascending("externalCode"), new IndexOptions().sparse(true))))
        .block(Duration.ofSeconds(30));
  }

  @Override
  public Mono<Void> insert(Project project, String requestHash, ProjectRegistered event) {
    Document document = ProjectDocuments.of(project).append("requestHash", requestHash).append(UPDATES, List.of());
    if (project.externalCode() != null) {
      document.append(EXTERNAL_KEY, project.pairingId() + "/" + project.externalCode());
    }
    return aggregates.insert(document, List.of(event));
  }

  @Override
  public Flux<Project> findByExternalCode(String externalCode) {
    return Flux.from(projects.find(eq("externalCode", externalCode))
            .projection(Projections.exclude(UPDATES, Outbox.FIELD)).limit(10))
        .map(ProjectDocuments::project);
  }

  @Override
  public Mono<Stored<Project>> find(ProjectId id) {
    return Mono.from(projects.find(eq("_id", id.value())).projection(Projections.exclude(UPDATES, Outbox.FIELD))
            .first())
        .map(d -> new Stored<>(ProjectDocuments.project(d), d.getString("requestHash")));
  }

  @Override
  public Mono<Boolean> apply(long expectedSequence, Project.Reported reported, String requestHash) {
    Project p = reported.project();
    List<Bson> changes = new ArrayList<>();
    ProjectDocuments.of(p).forEach((field, value) -> {
      if (!field.equals("_id")) {
        changes.add(Updates.set(field, value));
      }
    });
    changes.add(Updates.push(UPDATES, ProjectDocuments.of(reported.update()).append("requestHash", requestHash)));
    return aggregates.applyIfAt(p.id().value(), expectedSequence, changes, reported.events());
  }

  @Override
  public Mono<Page<Project>> search(ProjectQuery query, PageRequest page) {
    List<Bson> filters = new ArrayList<>();
    if (query.pairingId() != null) {
      filters.add(eq("pairingId", query.pairingId()));
    }
    if (query.county() != null) {
      filters.add(or(eq("mountainCounty", query.county().code()), eq("partnerCounty", query.county().code())));
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
        .map(ProjectDocuments::project).collectList();
    return Mono.zip(items, Mono.from(projects.countDocuments(filter)))
        .map(t -> new Page<>(t.getT1(), page.page(), page.size(), t.getT2()));
  }

  /**
   * Newest first, cut in MongoDB: the array holds them oldest first, so page {@code p} of size
   * {@code s} is the slice that ends {@code p × s} before the end.
   */
  @Override
  public Mono<Page<ProjectUpdate>> updates(ProjectId projectId, PageRequest page) {
    return Mono.from(projects.aggregate(List.of(Aggregates.match(eq("_id", projectId.value())),
            Aggregates.project(new Document("total", new Document("$size", "$" + UPDATES))))).first())
        .map(d -> ((Number) d.get("total")).longValue())
        .flatMap(total -> {
          long end = Math.max(0, total - page.offset());
          long start = Math.max(0, end - page.size());
          if (end == 0) {
            return Mono.just(new Page<ProjectUpdate>(List.of(), page.page(), page.size(), total));
          }
          return Mono.from(projects.find(eq("_id", projectId.value()))
                  .projection(Projections.slice(UPDATES, (int) start, (int) (end - start))).first())
              .map(d -> d.getList(UPDATES, Document.class).stream()
                  .map(u -> ProjectDocuments.update(projectId, u))
                  .sorted(Comparator.comparingLong(ProjectUpdate::sequence).reversed()).toList())
              .map(items -> new Page<>(items, page.page(), page.size(), total));
        });
  }

  @Override
  public Mono<Stored<ProjectUpdate>> findUpdate(ProjectId projectId, String updateId) {
    return Mono.from(projects.find(eq("_id", projectId.value()))
            .projection(Projections.elemMatch(UPDATES, eq("id", updateId))).first())
        .flatMapIterable(d -> d.getList(UPDATES, Document.class, List.of()))
        .filter(u -> updateId.equals(u.getString("id")))
        .next()
        .map(u -> new Stored<>(ProjectDocuments.update(projectId, u), u.getString("requestHash")));
  }

  @Override
  public Flux<History> histories() {
    return Flux.from(projects.find().projection(Projections.exclude(Outbox.FIELD)))
        .map(d -> {
          Project project = ProjectDocuments.project(d);
          return new History(project, d.getList(UPDATES, Document.class, List.of()).stream()
              .map(u -> ProjectDocuments.update(project.id(), u))
              .sorted(Comparator.comparingLong(ProjectUpdate::sequence)).toList());
        });
  }
}
