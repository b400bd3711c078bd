package org.shanhai.projects.imports.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.or;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import jakarta.annotation.PostConstruct;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.shanhai.events.value.CountyCode;
import org.shanhai.messaging.mongo.Values;
import org.shanhai.projects.imports.Import;
import org.shanhai.projects.imports.ImportKind;
import org.shanhai.projects.imports.ImportRow;
import org.shanhai.projects.imports.ImportStore;
import org.shanhai.projects.imports.ImportedRow;
import org.shanhai.projects.imports.RowIssue;
import org.shanhai.web.access.Actor;
import org.shanhai.web.access.Role;
import org.shanhai.web.paging.Page;
import org.shanhai.web.paging.PageRequest;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Imports in {@code imports}, their rows in {@code importRows} (one document per row, {@code _id}
 * the import's id and the row's number, so storing a row twice is impossible). The counts are kept
 * on the import as the work goes, for progress, and recounted from the rows when the work ends.
 */
@Repository
class MongoImportStore implements ImportStore {

  private static final int INSERT_BATCH = 500;

  private final MongoCollection<Document> imports;
  private final MongoCollection<Document> rows;

  MongoImportStore(MongoDatabase database) {
    this.imports = database.getCollection("imports");
    this.rows = database.getCollection("importRows");
  }

  @PostConstruct
  void createIndexes() {
    Mono.from(rows.createIndex(Indexes.ascending("importId", "number")))
        .then(Mono.from(imports.createIndex(Indexes.ascending("state", "leaseUntil"))))
        .then(Mono.from(imports.createIndex(Indexes.descending("createdAt"), new IndexOptions())))
        .block(Duration.ofSeconds(30));
  }

  @Override
  public Mono<Void> create(Import anImport, Flux<ImportRow> importRows) {
    return importRows.map(row -> rowDocument(anImport.id(), ImportedRow.pending(row)))
        .buffer(INSERT_BATCH)
        .concatMap(batch -> Mono.from(rows.insertMany(batch, new InsertManyOptions().ordered(true))))
        .then(Mono.from(imports.insertOne(importDocument(anImport))))
        .then();
  }

  @Override
  public Mono<Import> find(String id) {
    return Mono.from(imports.find(eq("_id", id)).first()).map(MongoImportStore::anImport);
  }

  @Override
  public Mono<Page<Import>> list(String owner, PageRequest page) {
    Bson filter = owner == null ? new Document() : eq("uploadedBy", owner);
    Mono<List<Import>> items = Flux.from(imports.find(filter).sort(Sorts.descending("createdAt", "_id"))
        .skip(page.offset()).limit(page.size())).map(MongoImportStore::anImport).collectList();
    return Mono.zip(items, Mono.from(imports.countDocuments(filter)))
        .map(t -> new Page<>(t.getT1(), page.page(), page.size(), t.getT2()));
  }

  @Override
  public Flux<ImportedRow> rows(String importId) {
    // Bounded batches whatever the subscriber asks for: unbounded demand would fetch up to 16 MB of
    // rows at once, decoded into several times that of heap (a 50,000-row import ran out of 96 MB).
    return Flux.from(rows.find(eq("importId", importId)).sort(Sorts.ascending("number")).batchSize(INSERT_BATCH))
        .map(MongoImportStore::importedRow);
  }

  @Override
  public Mono<Page<ImportedRow>> rows(String importId, boolean withIssues, PageRequest page) {
    Bson filter = withIssues
        ? and(eq("importId", importId), or(ne("errors", List.of()), ne("warnings", List.of()),
            eq("outcome", ImportedRow.Outcome.REJECTED.name())))
        : eq("importId", importId);
    Mono<List<ImportedRow>> items = Flux.from(rows.find(filter).sort(Sorts.ascending("number"))
        .skip(page.offset()).limit(page.size())).map(MongoImportStore::importedRow).collectList();
    return Mono.zip(items, Mono.from(rows.countDocuments(filter)))
        .map(t -> new Page<>(t.getT1(), page.page(), page.size(), t.getT2()));
  }

  @Override
  public Mono<Import> claim(String worker, Instant now, Instant leaseUntil) {
    Bson workLeft = in("state", Import.State.VALIDATING.name(), Import.State.COMMITTING.name());
    Bson free = or(eq("leaseUntil", null), lt("leaseUntil", Values.instant(now)));
    return Mono.from(imports.findOneAndUpdate(and(workLeft, free),
            Updates.combine(Updates.set("worker", worker), Updates.set("leaseUntil", Values.instant(leaseUntil))),
            new FindOneAndUpdateOptions().sort(Sorts.ascending("createdAt")).returnDocument(ReturnDocument.AFTER)))
        .map(MongoImportStore::anImport);
  }

  @Override
  public Mono<Boolean> requestCommit(String id, Actor actor, Instant now) {
    return Mono.from(imports.updateOne(and(eq("_id", id), eq("state", Import.State.VALIDATED.name())),
            Updates.combine(Updates.set("state", Import.State.COMMITTING.name()), Updates.set("actor", actor(actor)),
                Updates.set("updatedAt", Values.instant(now)), Updates.unset("leaseUntil"))))
        .map(result -> result.getModifiedCount() == 1);
  }

  @Override
  public Mono<Boolean> restartValidation(String id, String worker, Instant leaseUntil) {
    return Mono.from(imports.updateOne(and(eq("_id", id), eq("worker", worker)), Updates.combine(
            Updates.set("counts.valid", 0), Updates.set("counts.warnings", 0), Updates.set("counts.rejected", 0),
            Updates.set("leaseUntil", Values.instant(leaseUntil)))))
        .map(result -> result.getMatchedCount() == 1);
  }

  @Override
  public Mono<Boolean> saveRows(String importId, String worker, List<ImportedRow> batch, Import.Counts added,
      Instant leaseUntil) {
    Mono<Boolean> held = Mono.from(imports.updateOne(and(eq("_id", importId), eq("worker", worker)),
            Updates.combine(Updates.set("leaseUntil", Values.instant(leaseUntil)),
                Updates.inc("counts.valid", added.valid()), Updates.inc("counts.warnings", added.warnings()),
                Updates.inc("counts.rejected", added.rejected()), Updates.inc("counts.created", added.created()),
                Updates.inc("counts.replayed", added.replayed()))))
        .map(result -> result.getMatchedCount() == 1);
    List<WriteModel<Document>> writes = new ArrayList<>();
    for (ImportedRow row : batch) {
      writes.add(new UpdateOneModel<>(eq("_id", rowId(importId, row.row().number())), Updates.combine(
          Updates.set("verdict", row.verdict().name()), Updates.set("errors", issues(row.errors())),
          Updates.set("warnings", issues(row.warnings())), Updates.set("target", row.target()),
          Updates.set("outcome", row.outcome() == null ? null : row.outcome().name()),
          Updates.set("recorded", row.recorded()))));
    }
    return held.flatMap(holding -> !holding || writes.isEmpty() ? Mono.just(holding)
        : Mono.from(rows.bulkWrite(writes)).thenReturn(true));
  }

  @Override
  public Mono<Boolean> settle(String id, String worker, Import.State state, String failure, Instant now) {
    return tally(id).flatMap(counts -> Mono.from(imports.updateOne(and(eq("_id", id), eq("worker", worker)),
            Updates.combine(Updates.set("state", state.name()), Updates.set("counts", counts(counts)),
                Updates.set("failure", failure), Updates.set("updatedAt", Values.instant(now)),
                Updates.unset("worker"), Updates.unset("leaseUntil")))))
        .map(result -> result.getMatchedCount() == 1);
  }

  /** The counts as the rows say. */
  private Mono<Import.Counts> tally(String importId) {
    return rows(importId).reduce(new int[6], (t, row) -> {
      t[0]++;
      if (row.verdict() == ImportedRow.Verdict.VALID) {
        t[1]++;
      }
      if (!row.warnings().isEmpty()) {
        t[2]++;
      }
      if (row.verdict() == ImportedRow.Verdict.REJECTED || row.outcome() == ImportedRow.Outcome.REJECTED) {
        t[3]++;
      }
      if (row.outcome() == ImportedRow.Outcome.CREATED) {
        t[4]++;
      }
      if (row.outcome() == ImportedRow.Outcome.REPLAYED) {
        t[5]++;
      }
      return t;
    }).map(t -> new Import.Counts(t[0], t[1], t[2], t[3], t[4], t[5]));
  }

  private static String rowId(String importId, int number) {
    return importId + "/" + number;
  }

  private static Document importDocument(Import i) {
    return new Document("_id", i.id())
        .append("kind", i.kind().wire())
        .append("fileName", i.fileName())
        .append("fileHash", i.fileHash())
        .append("size", i.size())
        .append("format", i.format())
        .append("header", i.header())
        .append("ignoredColumns", i.ignoredColumns())
        .append("state", i.state().name())
        .append("counts", counts(i.counts()))
        .append("uploadedBy", i.uploadedBy())
        .append("actor", actor(i.actor()))
        .append("createdAt", Values.instant(i.createdAt()))
        .append("updatedAt", Values.instant(i.updatedAt()))
        .append("failure", i.failure());
  }

  private static Import anImport(Document d) {
    Document c = d.get("counts", Document.class);
    Document a = d.get("actor", Document.class);
    Actor actor = new Actor(a.getString("name"),
        java.util.Set.copyOf(a.getList("roles", String.class).stream().map(Role::valueOf).toList()),
        java.util.Set.copyOf(a.getList("counties", String.class).stream().map(CountyCode::of).toList()));
    return new Import(d.getString("_id"), ImportKind.fromWire(d.getString("kind")), d.getString("fileName"),
        d.getString("fileHash"), ((Number) d.get("size")).longValue(), d.getString("format"),
        d.getList("header", String.class), d.getList("ignoredColumns", String.class),
        Import.State.valueOf(d.getString("state")),
        new Import.Counts(c.getInteger("rows"), c.getInteger("valid"), c.getInteger("warnings"),
            c.getInteger("rejected"), c.getInteger("created"), c.getInteger("replayed")),
        d.getString("uploadedBy"), actor, Values.instant(d.getDate("createdAt")), Values.instant(d.getDate("updatedAt")), d.getString("failure"));
  }

  private static Document counts(Import.Counts c) {
    return new Document("rows", c.rows()).append("valid", c.valid()).append("warnings", c.warnings())
        .append("rejected", c.rejected()).append("created", c.created()).append("replayed", c.replayed());
  }

  private static Document actor(Actor actor) {
    return new Document("name", actor.name())
        .append("roles", actor.roles().stream().map(Role::name).sorted().toList())
        .append("counties", actor.counties().stream().map(CountyCode::code).sorted().toList());
  }

  private static Document rowDocument(String importId, ImportedRow row) {
    return new Document("_id", rowId(importId, row.row().number()))
        .append("importId", importId)
        .append("number", row.row().number())
        .append("values", row.row().values())
        .append("verdict", row.verdict().name())
        .append("errors", issues(row.errors()))
        .append("warnings", issues(row.warnings()));
  }

  private static List<Document> issues(List<RowIssue> issues) {
    return issues.stream().map(i -> new Document("field", i.field()).append("column", i.column())
        .append("cell", i.cell()).append("code", i.code()).append("message", i.message())).toList();
  }

  private static List<RowIssue> issues(Document d, String key) {
    return d.getList(key, Document.class, List.of()).stream().map(i -> new RowIssue(i.getString("field"),
        i.getString("column"), i.getString("cell"), i.getString("code"), i.getString("message"))).toList();
  }

  private static ImportedRow importedRow(Document d) {
    String outcome = d.getString("outcome");
    return new ImportedRow(new ImportRow(d.getInteger("number"), d.getList("values", String.class)),
        ImportedRow.Verdict.valueOf(d.getString("verdict")), issues(d, "errors"), issues(d, "warnings"),
        d.getString("target"), outcome == null ? null : ImportedRow.Outcome.valueOf(outcome), d.getString("recorded"));
  }
}
