package org.shanhai.projects.project.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.nin;
import static com.mongodb.client.model.Filters.or;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
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
 * Projects in the {@code projects} collection. An accepted update is written into its project's
 * document (array {@code updates}) next to its outbox, so the update, the new project state and the
 * events are one atomic write, guarded by the project's {@code sequence} for optimistic concurrency.
 * It does not stay there: {@link #archiveUpdates} moves the updates to {@code project_updates}, one
 * document each, as the relay moves the events to Kafka (copied first, then taken out, so a move cut
 * short is done again and nothing is lost), and the project's document stays small however long its
 * history: every write of it costs the same after the thousandth update as after the first. Reads
 * of the history join both places, newest first, an update seen in both counted once.
 * A unique sparse index on {@code externalKey} keeps a county's own project codes unique per pairing.
 */
@Repository
class MongoProjectStore implements ProjectStore {

  private static final String UPDATES = "updates";
  /** Where updates go once out of their project's document: {@code _id} the update's id, with its {@code projectId}. */
  static final String ARCHIVE = "project_updates";
  /** The pairing and the external code together, set only when there is a code: unique, so a code names one project per pairing. */
  private static final String EXTERNAL_KEY = "externalKey";
  /**
   * Archived updates one reply of a history read carries. Without it a reader that asks for all
   * (as the figures' fold does) gets the rest of the answer in one reply, decoded at once: thirty
   * seconds of updates held in a 96 MB heap, which ended in full collections every run.
   */
  private static final int ARCHIVE_READ_BATCH = 500;

  private final OutboxCollection aggregates;
  private final MongoCollection<Document> projects;
  private final MongoCollection<Document> archive;

  MongoProjectStore(OutboxCollections collections, MongoDatabase database) {
    this.aggregates = collections.named("projects");
    this.projects = aggregates.documents();
    this.archive = database.getCollection(ARCHIVE);
  }

  @PostConstruct
  void createIndexes() {
    Mono.from(projects.createIndex(Indexes.ascending(EXTERNAL_KEY), new IndexOptions().unique(true).sparse(true)))
        .then(Mono.from(projects.createIndex(Indexes.ascending("externalCode"), new IndexOptions().sparse(true))))
        .then(Mono.from(archive.createIndex(Indexes.compoundIndex(Indexes.ascending("projectId"),
            Indexes.descending("sequence")))))
        .block(Duration.ofSeconds(30));
  }

  @Override
  public Mono<Integer> archiveUpdates(int projectCount) {
    return Flux.from(projects.find(exists(UPDATES + ".0")).projection(Projections.include(UPDATES)).limit(projectCount))
        .collectList()
        .flatMap(documents -> {
          if (documents.isEmpty()) {
            return Mono.just(0);
          }
          List<WriteModel<Document>> copies = new ArrayList<>();
          List<WriteModel<Document>> removals = new ArrayList<>();
          for (Document d : documents) {
            String projectId = d.getString("_id");
            List<Document> updates = d.getList(UPDATES, Document.class);
            updates.forEach(u -> copies.add(new ReplaceOneModel<>(eq("_id", u.getString("id")),
                new Document(u).append("_id", u.getString("id")).append("projectId", projectId),
                new ReplaceOptions().upsert(true))));
            removals.add(new UpdateOneModel<>(eq("_id", projectId),
                Updates.pull(UPDATES, in("id", updates.stream().map(u -> u.getString("id")).toList()))));
          }
          // Two writes for the whole batch, the copies first: an update leaves its document only once archived.
          return Mono.from(archive.bulkWrite(copies, new BulkWriteOptions().ordered(false)))
              .then(Mono.from(projects.bulkWrite(removals, new BulkWriteOptions().ordered(false))))
              .thenReturn(documents.size());
        });
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
    // No limit: the callers pick the one of a pairing from what this returns, so a cut could drop it.
    return Flux.from(projects.find(eq("externalCode", externalCode))
            .projection(Projections.exclude(UPDATES, Outbox.FIELD)))
        .map(ProjectDocuments::project);
  }

  @Override
  public Mono<Stored<Project>> find(ProjectId id) {
    return Mono.from(projects.find(eq("_id", id.value())).projection(Projections.exclude(UPDATES, Outbox.FIELD))
            .first())
        .map(d -> new Stored<>(ProjectDocuments.project(d), d.getString("requestHash")));
  }

  /**
   * Sets only the fields the update changed (a report changes a handful of a project's two dozen):
   * the write is guarded by the sequence {@code before} was read at, so the stored document holds
   * {@code before}'s values in every other field.
   */
  @Override
  public Mono<Boolean> apply(Project before, Project.Reported reported, String requestHash) {
    Document was = ProjectDocuments.of(before);
    List<Bson> changes = new ArrayList<>();
    ProjectDocuments.of(reported.project()).forEach((field, value) -> {
      if (!Objects.equals(was.get(field), value)) {
        changes.add(Updates.set(field, value));
      }
    });
    changes.add(Updates.push(UPDATES, ProjectDocuments.of(reported.update()).append("requestHash", requestHash)));
    return aggregates.applyIfAt(before.id().value(), before.sequence(), changes, reported.events());
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
   * Newest first. The updates still in the project's document are the newest (the archive takes
   * them oldest first, all at once), so a page is cut from them first and then from the archive.
   * The document is read first, and the archive is counted and paged without the updates read
   * there: one moved meanwhile is counted once and shown once, wherever it is by then.
   */
  @Override
  public Mono<Page<ProjectUpdate>> updates(ProjectId projectId, PageRequest page) {
    return pending(projectId).flatMap(pending -> {
      Bson older = and(eq("projectId", projectId.value()), nin("_id", pending.stream().map(ProjectUpdate::id).toList()));
      return Mono.from(archive.countDocuments(older)).flatMap(archived -> {
        List<ProjectUpdate> fromDocument = pending.stream()
            .sorted(Comparator.comparingLong(ProjectUpdate::sequence).reversed())
            .skip(page.offset()).limit(page.size()).toList();
        long skip = Math.max(0, page.offset() - pending.size());
        int more = page.size() - fromDocument.size();
        Mono<List<ProjectUpdate>> fromArchive = more == 0 ? Mono.just(List.of())
            : Flux.from(archive.find(older).sort(Sorts.descending("sequence")).skip((int) skip).limit(more))
                .map(u -> ProjectDocuments.update(projectId, u)).collectList();
        return fromArchive.map(olderPage -> {
          List<ProjectUpdate> items = new ArrayList<>(fromDocument);
          items.addAll(olderPage);
          return new Page<>(items, page.page(), page.size(), pending.size() + archived);
        });
      });
    });
  }

  /** The project's updates not yet archived (a few at most); empty for an unknown project. */
  private Mono<List<ProjectUpdate>> pending(ProjectId projectId) {
    return Mono.from(projects.find(eq("_id", projectId.value())).projection(Projections.include(UPDATES)).first())
        .map(d -> d.getList(UPDATES, Document.class, List.of()).stream()
            .map(u -> ProjectDocuments.update(projectId, u)).toList())
        .defaultIfEmpty(List.of());
  }

  @Override
  public Mono<Stored<ProjectUpdate>> findUpdate(ProjectId projectId, String updateId) {
    Mono<Stored<ProjectUpdate>> inDocument = Mono.from(projects.find(eq("_id", projectId.value()))
            .projection(Projections.elemMatch(UPDATES, eq("id", updateId))).first())
        .flatMapIterable(d -> d.getList(UPDATES, Document.class, List.of()))
        .filter(u -> updateId.equals(u.getString("id")))
        .next()
        .map(u -> new Stored<>(ProjectDocuments.update(projectId, u), u.getString("requestHash")));
    Mono<Stored<ProjectUpdate>> archived = Mono.from(archive.find(and(eq("_id", updateId),
            eq("projectId", projectId.value()))).first())
        .map(u -> new Stored<>(ProjectDocuments.update(projectId, u), u.getString("requestHash")));
    // The document, then the archive, not side by side: the archive job copies an update before it takes it out
    // of its document, so in this order an update in the middle of its move is found in one place or the other.
    return inDocument.switchIfEmpty(archived);
  }

  @Override
  public Flux<Recent> projectsWithRecentUpdates() {
    return Flux.from(projects.find().projection(Projections.exclude(Outbox.FIELD)))
        .map(d -> {
          Project project = ProjectDocuments.project(d);
          return new Recent(project, d.getList(UPDATES, Document.class, List.of()).stream()
              .map(u -> ProjectDocuments.update(project.id(), u))
              .sorted(Comparator.comparingLong(ProjectUpdate::sequence)).toList());
        });
  }

  @Override
  public Flux<ProjectUpdate> archivedUpdates(List<ArchiveRange> ranges) {
    if (ranges.isEmpty()) {
      return Flux.empty();
    }
    // One query, each clause one project's stretch: MongoDB serves every clause from the
    // {projectId, sequence} index; a server without secondary indexes scans the archive once, not once per project.
    Bson stretches = or(ranges.stream()
        .map(r -> and(eq("projectId", r.projectId().value()), gt("sequence", r.after()), lte("sequence", r.upTo())))
        .toList());
    return Flux.from(archive.find(stretches).sort(Sorts.ascending("projectId", "sequence"))
        .batchSize(ARCHIVE_READ_BATCH))
        .map(u -> ProjectDocuments.update(ProjectId.of(u.getString("projectId")), u));
  }
}
