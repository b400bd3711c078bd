package org.shanhai.projects.imports;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.shanhai.events.value.CountyCode;
import org.shanhai.events.value.ProjectId;
import org.shanhai.projects.county.Counties;
import org.shanhai.projects.imports.file.SpreadsheetFile;
import org.shanhai.projects.pairing.Pairing;
import org.shanhai.projects.pairing.PairingService;
import org.shanhai.projects.project.Project;
import org.shanhai.projects.project.ProjectRegistration;
import org.shanhai.projects.project.ProjectService;
import org.shanhai.web.access.Actor;
import org.shanhai.web.access.Forbidden;
import org.shanhai.web.paging.Page;
import org.shanhai.web.paging.PageRequest;
import org.shanhai.web.validation.Conflict;
import org.shanhai.web.validation.InvalidInput;
import org.shanhai.web.validation.NotFound;
import org.shanhai.web.write.IdempotencyKeys;
import org.shanhai.web.write.Written;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Bulk import of project lists and progress reports. A file is checked as a whole when it is
 * uploaded (nothing is stored from a file refused then), stored row by row, dry-run row by row with
 * the API's own rules and access rules, and recorded row by row through the API's own write path
 * when committed. Each row's write is keyed by the file's content hash and the row's number, not by
 * who uploads it: the same file imported again, or a commit resumed after a crash, records nothing
 * twice; every such row is answered as replayed.
 */
public class ImportService {

  /** The idempotency scope of imported rows in place of a user: a row is keyed by its file alone. */
  static final String IMPORTED = "import";
  private static final int BATCH = 200;
  /** Projects recorded at once during a commit; a project's own rows are always recorded in order. */
  private static final int PROJECTS_AT_ONCE = 8;

  /** How big and how long a file may be, and how long an instance holds an import it works on. */
  public record Settings(SpreadsheetFile.Limits limits, Duration lease) {
  }

  private final ImportStore store;
  private final ProjectService projects;
  private final PairingService pairings;
  private final Counties counties;
  private final Clock clock;
  private final Settings settings;

  public ImportService(ImportStore store, ProjectService projects, PairingService pairings, Counties counties,
      Clock clock, Settings settings) {
    this.store = store;
    this.projects = projects;
    this.pairings = pairings;
    this.counties = counties;
    this.clock = clock;
    this.settings = settings;
  }

  /**
   * Checks the file at {@code path} as a whole, then stores its rows for the dry run (state
   * VALIDATING). A file that is not usable throws {@link InvalidInput} or
   * {@link org.shanhai.projects.imports.file.NotASpreadsheet}, and nothing is stored.
   */
  public Mono<Import> upload(Path path, String fileName, String fileHash, long size, ImportKind kind, Actor actor) {
    actor.requireWriter("importing a file");
    return Mono.fromCallable(() -> ImportFile.read(path, kind, settings.limits()))
        .subscribeOn(Schedulers.boundedElastic())
        .flatMap(file -> {
          Instant now = clock.instant();
          Import anImport = new Import(UUID.randomUUID().toString(), kind, fileName, fileHash, size,
              file.file().format().name().toLowerCase(java.util.Locale.ROOT), file.header().names(),
              file.header().ignored(), Import.State.VALIDATING, new Import.Counts(file.rowCount(), 0, 0, 0, 0, 0),
              actor.name(), actor, now, now, null);
          Flux<ImportRow> rows = Flux.using(file::rows, Flux::fromStream, Stream::close)
              .subscribeOn(Schedulers.boundedElastic());
          return store.create(anImport, rows).thenReturn(anImport);
        });
  }

  /** An import, for the one who uploaded it and for the province. */
  public Mono<Import> find(String id, Actor actor) {
    return store.find(id).switchIfEmpty(Mono.error(() -> new NotFound("import", id)))
        .doOnNext(found -> {
          if (!actor.mayRead(found.uploadedBy())) {
            throw new Forbidden("owner", "import " + id + " belongs to " + found.uploadedBy());
          }
        });
  }

  public Mono<Page<Import>> list(Actor actor, PageRequest page) {
    return store.list(actor.isProvince() ? null : actor.name(), page);
  }

  public Mono<Page<ImportedRow>> rows(String id, boolean withIssues, Actor actor, PageRequest page) {
    return find(id, actor).then(store.rows(id, withIssues, page));
  }

  /** Every row, in order, with what became of it: for the report. */
  public Flux<ImportedRow> allRows(String id, Actor actor) {
    return find(id, actor).thenMany(store.rows(id));
  }

  /**
   * Asks for the valid rows of a dry-run import to be recorded, with {@code actor}'s rights; 409
   * unless the dry run is done and it was not committed before.
   */
  public Mono<Import> commit(String id, Actor actor) {
    return find(id, actor).flatMap(found -> {
      actor.requireOwner(found.uploadedBy(), "committing this import");
      if (found.state() == Import.State.COMMITTING || found.state() == Import.State.DONE) {
        return Mono.just(found);
      }
      return store.requestCommit(id, actor, clock.instant()).flatMap(asked -> asked ? store.find(id)
          : Mono.error(new Conflict(Conflict.Kind.EXISTS, "import " + id + " is " + found.state()
              + "; only a VALIDATED import can be committed")));
    });
  }

  /** Takes the next import with work left whose lease is free, if any. */
  public Mono<Import> claim(String worker) {
    Instant now = clock.instant();
    return store.claim(worker, now, now.plus(settings.lease()));
  }

  /** Does the work of an import claimed by {@code worker}: its dry run, or its commit; then the import as it stands. */
  public Mono<Import> work(Import claimed, String worker) {
    Header header = Header.of(claimed.kind(), claimed.header());
    return (claimed.state() == Import.State.VALIDATING ? validate(claimed, header, worker)
        : record(claimed, header, worker)).then(store.find(claimed.id()));
  }

  /** Ends an import's work FAILED, with why. */
  public Mono<Void> fail(Import anImport, String worker, String why) {
    return store.settle(anImport.id(), worker, Import.State.FAILED, why, clock.instant()).then();
  }

  private Mono<Void> validate(Import anImport, Header header, String worker) {
    DryRun run = new DryRun(anImport, header);
    return store.restartValidation(anImport.id(), worker, leaseUntil()).flatMap(held -> !held ? Mono.<Boolean>empty()
            : store.rows(anImport.id()).concatMap(run::check).buffer(BATCH)
                // One batch at a time: the default prefetch would hold 32 batches (6,400 rows) in memory.
                .concatMap(batch -> save(anImport, worker, batch), 1)
                .all(stillHeld -> stillHeld))
        .flatMap(held -> held ? store.settle(anImport.id(), worker, Import.State.VALIDATED, null, clock.instant())
            : Mono.just(false))
        .then();
  }

  private Mono<Void> record(Import anImport, Header header, String worker) {
    RowReader reader = new RowReader(header, counties);
    return store.rows(anImport.id())
        .filter(row -> row.verdict() == ImportedRow.Verdict.VALID && row.outcome() == null)
        .buffer(BATCH)
        .concatMap(batch -> {
          Map<String, List<ImportedRow>> byProject = new LinkedHashMap<>();
          batch.forEach(row -> byProject.computeIfAbsent(row.target(), t -> new ArrayList<>()).add(row));
          return Flux.fromIterable(byProject.values())
              .flatMap(rows -> Flux.fromIterable(rows).concatMap(row -> record(anImport, header, reader, row)),
                  PROJECTS_AT_ONCE)
              .collectList()
              .flatMap(done -> save(anImport, worker, done));
        }, 1)
        .all(stillHeld -> stillHeld)
        .flatMap(held -> held ? store.settle(anImport.id(), worker, Import.State.DONE, null, clock.instant())
            : Mono.just(false))
        .then();
  }

  /** Records one row through the API's write path; a refusal now (the data moved on since the dry run) rejects it. */
  private Mono<ImportedRow> record(Import anImport, Header header, RowReader reader, ImportedRow row) {
    int number = row.row().number();
    String requestHash = "import:" + anImport.fileHash() + ":" + number;
    Mono<Written<String>> written;
    if (anImport.kind() == ImportKind.PROJECTS) {
      RowReader.Registration r = reader.registration(row.row());
      ProjectId id = ProjectId.of(row.target());
      written = pairingOf(r).switchIfEmpty(Mono.error(() -> new InvalidInput("pairingId", "unknown-pairing",
              "the pairing is no longer running")))
          .flatMap(pairing -> projects.register(id, withPairing(r.request(), pairing), requestHash, anImport.actor()))
          .map(w -> new Written<>(w.value().id().value(), w.replayed()));
    } else {
      ProjectId project = ProjectId.of(row.target());
      String updateId = updateIdFor(anImport, project, number);
      written = projects.report(project, updateId, reader.update(row.row()).report(), requestHash, anImport.actor())
          .map(w -> new Written<>(w.value().update().id(), w.replayed()));
    }
    return written
        .map(w -> new ImportedRow(row.row(), row.verdict(), row.errors(), row.warnings(), row.target(),
            w.replayed() ? ImportedRow.Outcome.REPLAYED : ImportedRow.Outcome.CREATED, w.value()))
        .onErrorResume(e -> refusal(e, header, number) != null, e -> Mono.just(new ImportedRow(row.row(),
            row.verdict(), refusal(e, header, number), row.warnings(), row.target(), ImportedRow.Outcome.REJECTED,
            null)));
  }

  private Mono<Boolean> save(Import anImport, String worker, List<ImportedRow> batch) {
    int valid = 0;
    int warnings = 0;
    int rejected = 0;
    int created = 0;
    int replayed = 0;
    for (ImportedRow row : batch) {
      if (row.outcome() == null) {
        valid += row.verdict() == ImportedRow.Verdict.VALID ? 1 : 0;
        warnings += row.warnings().isEmpty() ? 0 : 1;
        rejected += row.verdict() == ImportedRow.Verdict.REJECTED ? 1 : 0;
      } else {
        created += row.outcome() == ImportedRow.Outcome.CREATED ? 1 : 0;
        replayed += row.outcome() == ImportedRow.Outcome.REPLAYED ? 1 : 0;
        rejected += row.outcome() == ImportedRow.Outcome.REJECTED ? 1 : 0;
      }
    }
    return store.saveRows(anImport.id(), worker, batch,
        new Import.Counts(0, valid, warnings, rejected, created, replayed), leaseUntil());
  }

  /**
   * The dry run of one import: each row checked in order with the rules the API applies, a
   * project's updates each against the state the rows before it would leave.
   */
  private final class DryRun {

    private final Import anImport;
    private final Header header;
    private final RowReader reader;
    private final Map<ProjectId, Project> simulated = new HashMap<>();
    private final Map<String, Integer> codesInFile = new HashMap<>();

    DryRun(Import anImport, Header header) {
      this.anImport = anImport;
      this.header = header;
      this.reader = new RowReader(header, counties);
    }

    Mono<ImportedRow> check(ImportedRow stored) {
      ImportRow row = stored.row();
      Mono<ImportedRow> checked = anImport.kind() == ImportKind.PROJECTS ? registration(row) : update(row);
      return checked.onErrorResume(e -> refusal(e, header, row.number()) != null,
          e -> Mono.just(rejected(row, refusal(e, header, row.number()), null)));
    }

    private Mono<ImportedRow> registration(ImportRow row) {
      RowReader.Registration r = reader.registration(row);
      if (!r.unreadable().isEmpty()) {
        return Mono.just(rejected(row, RowIssue.of(r.unreadable(), header, row.number()), null));
      }
      ProjectId id = projectIdFor(anImport, row.number());
      return projects.find(id).map(recorded -> alreadyRecorded(row, id.value()))
          .onErrorResume(NotFound.class, absent -> pairingOf(r)
              .switchIfEmpty(Mono.error(() -> new InvalidInput(r.pairingId() != null ? "pairingId" : "mountainCounty",
                  "unknown-pairing", r.pairingId() != null ? "pairing " + r.pairingId() + " does not exist"
                      : "no pairing of " + r.mountainCounty() + " and " + r.partnerCounty() + " runs today")))
              .flatMap(pairing -> {
                ProjectRegistration request = withPairing(r.request(), pairing);
                return projects.checkRegistration(request, anImport.actor())
                    .flatMap(draft -> externalCodeFree(request, pairing, id, row))
                    .thenReturn(new ImportedRow(row, ImportedRow.Verdict.VALID, List.of(), List.of(), id.value(), null,
                        null));
              }));
    }

    /** A project's own code names one project per pairing: not another project's, and not twice in the file. */
    private Mono<Void> externalCodeFree(ProjectRegistration request, Pairing pairing, ProjectId id, ImportRow row) {
      String code = request.externalCode() == null ? null : request.externalCode().strip();
      if (code == null) {
        return Mono.empty();
      }
      Integer earlier = codesInFile.putIfAbsent(pairing.id() + "/" + code, row.number());
      if (earlier != null) {
        return Mono.error(new InvalidInput("externalCode", "duplicate-in-file", "项目编号 " + code
            + " is also on row " + earlier + " of this file, under the same pairing"));
      }
      return projects.findByExternalCode(code)
          .filter(p -> p.pairingId().equals(pairing.id()) && !p.id().equals(id)).next()
          .flatMap(taken -> Mono.error(new InvalidInput("externalCode", "taken", "项目编号 " + code
              + " is already project " + taken.id() + " (" + taken.name() + ") of this pairing")));
    }

    private Mono<ImportedRow> update(ImportRow row) {
      RowReader.Update u = reader.update(row);
      if (!u.unreadable().isEmpty()) {
        return Mono.just(rejected(row, RowIssue.of(u.unreadable(), header, row.number()), null));
      }
      return projectOf(u).flatMap(project -> {
        String updateId = updateIdFor(anImport, project.id(), row.number());
        return projects.findUpdate(project.id(), updateId)
            .map(recorded -> alreadyRecorded(row, project.id().value()))
            .switchIfEmpty(Mono.fromCallable(() -> {
              Project state = simulated.getOrDefault(project.id(), project);
              Project.Reported reported = projects.check(state, u.report(), anImport.actor());
              simulated.put(project.id(), reported.project());
              List<RowIssue> warnings = new ArrayList<>(RowIssue.ofWarnings(reported.update().warnings(), header,
                  row.number()));
              if (u.report().reportDate().equals(state.lastReportDate())) {
                // Most often a corrected file imported again: its unchanged rows are new keys, not replays.
                warnings.add(RowIssue.at(header, row.number(), "reportDate", "same-report-date", "project "
                    + project.id() + " already has a report of " + state.lastReportDate() + "; this row adds another"));
              }
              return new ImportedRow(row, ImportedRow.Verdict.VALID, List.of(), List.copyOf(warnings),
                  project.id().value(), null, null);
            }));
      });
    }

    /** The project a progress row names: by id, or by its code (and pairing, when the code is used in several). */
    private Mono<Project> projectOf(RowReader.Update u) {
      if (u.projectId() != null) {
        if (!ProjectId.isWellFormed(u.projectId())) {
          return Mono.error(new InvalidInput("projectId", "unknown", "项目ID " + u.projectId() + " is not a project id"));
        }
        return projects.find(ProjectId.of(u.projectId()))
            .onErrorMap(NotFound.class, e -> new InvalidInput("projectId", "unknown", "project " + u.projectId()
                + " does not exist"));
      }
      return projects.findByExternalCode(u.externalCode())
          .filter(p -> u.pairingId() == null || p.pairingId().equals(u.pairingId()))
          .collectList()
          .flatMap(found -> {
            if (found.isEmpty()) {
              return Mono.error(new InvalidInput("externalCode", "unknown", "no project has 项目编号 " + u.externalCode()
                  + (u.pairingId() == null ? "" : " in pairing " + u.pairingId())));
            }
            if (found.size() > 1) {
              return Mono.error(new InvalidInput("externalCode", "ambiguous", "项目编号 " + u.externalCode()
                  + " is used in several pairings: add a 结对编号 (pairingId) column to say which"));
            }
            return Mono.just(found.get(0));
          });
    }

    private ImportedRow alreadyRecorded(ImportRow row, String target) {
      RowIssue note = new RowIssue(null, null, null, "already-recorded", "an earlier import of this same file "
          + "recorded this row; committing records nothing new");
      return new ImportedRow(row, ImportedRow.Verdict.VALID, List.of(), List.of(note), target, null, null);
    }
  }

  private Mono<Pairing> pairingOf(RowReader.Registration r) {
    if (r.pairingId() != null) {
      return pairings.find(r.pairingId()).onErrorResume(NotFound.class, e -> Mono.empty());
    }
    return pairings.findRunning(CountyCode.of(r.mountainCounty()), CountyCode.of(r.partnerCounty()));
  }

  private static ProjectRegistration withPairing(ProjectRegistration r, Pairing pairing) {
    return new ProjectRegistration(pairing.id(), r.name(), r.kind(), r.hostCounty(), r.plannedInvestment(),
        r.investmentPlan(), r.plannedStart(), r.plannedCompletion(), r.enclaveId(), r.status(), r.externalCode());
  }

  private static ImportedRow rejected(ImportRow row, List<RowIssue> errors, String target) {
    return new ImportedRow(row, ImportedRow.Verdict.REJECTED, errors, List.of(), target, null, null);
  }

  /** What a refusal of the API's write path says about the row, or null for a failure that is not the row's fault. */
  private static List<RowIssue> refusal(Throwable e, Header header, int row) {
    if (e instanceof InvalidInput invalid) {
      return RowIssue.of(invalid.violations(), header, row);
    }
    if (e instanceof Forbidden forbidden) {
      return List.of(new RowIssue(null, null, null, "forbidden", forbidden.getMessage()));
    }
    if (e instanceof Conflict conflict) {
      return List.of(new RowIssue(null, null, null, "conflict", conflict.getMessage()));
    }
    if (e instanceof NotFound notFound) {
      return List.of(new RowIssue(null, null, null, "not-found", notFound.getMessage()));
    }
    return null;
  }

  static ProjectId projectIdFor(Import anImport, int row) {
    return ProjectId.of(IdempotencyKeys.idFor("project", IMPORTED, rowKey(anImport, row)));
  }

  static String updateIdFor(Import anImport, ProjectId project, int row) {
    return IdempotencyKeys.idFor("update\n" + project.value(), IMPORTED, rowKey(anImport, row));
  }

  private static String rowKey(Import anImport, int row) {
    return anImport.fileHash() + ":" + anImport.kind().wire() + ":" + row;
  }

  private Instant leaseUntil() {
    return clock.instant().plus(settings.lease());
  }
}
