package org.shanhai.projects.project;

import java.time.Clock;
import java.util.Optional;

import org.shanhai.events.value.ProjectId;
import org.shanhai.projects.county.Counties;
import org.shanhai.projects.pairing.Pairing;
import org.shanhai.projects.pairing.PairingService;
import org.shanhai.web.access.Actor;
import org.shanhai.web.paging.Page;
import org.shanhai.web.paging.PageRequest;
import org.shanhai.web.validation.Conflict;
import org.shanhai.web.validation.NotFound;
import org.shanhai.web.write.CompareAndSet;
import org.shanhai.web.write.DuplicateKey;
import org.shanhai.web.write.IdempotencyKeys;
import org.shanhai.web.write.IdempotentCreate;
import org.shanhai.web.write.Stored;
import org.shanhai.web.write.Written;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Registers projects, applies the officers' updates to them, and works out the programme figures. */
public class ProjectService {

  /** Projects whose updates one pass of the archive moves. */
  private static final int ARCHIVE_BATCH = 200;

  private final ProjectStore store;
  private final PairingService pairings;
  private final Counties counties;
  private final ProjectPolicy policy;
  private final Clock clock;
  private final ProgressLedger ledger;

  public ProjectService(ProjectStore store, PairingService pairings, Counties counties, ProjectPolicy policy,
      Clock clock) {
    this.store = store;
    this.pairings = pairings;
    this.counties = counties;
    this.policy = policy;
    this.clock = clock;
    this.ledger = new ProgressLedger(store, clock);
  }

  /** The id of an update that is only checked, never stored. */
  static final String DRY_RUN = "dry-run";

  /** An accepted update and the project as it now stands. */
  public record Report(ProjectUpdate update, Project project) {
  }

  /**
   * Registers a project under a pairing: by the province, or by an officer of either of the pairing's
   * counties. Without a pairing that exists, the draft's validation says so (422).
   */
  public Mono<Written<Project>> register(ProjectRegistration request, String requestHash, Actor actor,
      String idempotencyKey) {
    return register(ProjectId.of(IdempotencyKeys.idFor("project", actor.name(), idempotencyKey)), request,
        requestHash, actor);
  }

  /**
   * Registers a project under an id the caller derived from its own idempotency key (a bulk import
   * keys each row by its file and row): the same id again replays what it made.
   */
  public Mono<Written<Project>> register(ProjectId id, ProjectRegistration request, String requestHash, Actor actor) {
    Mono<Project> insert = checkRegistration(request, actor).flatMap(draft -> {
      Project project = Project.registered(id, draft, actor.name(), clock);
      return store.insert(project, requestHash, project.registeredEvent()).thenReturn(project);
    });
    return IdempotentCreate.create(insert, () -> store.find(id), requestHash, "a different project registration")
        .onErrorMap(DuplicateKey.class, taken -> new Conflict(Conflict.Kind.EXISTS, "externalCode "
            + request.externalCode() + " is already used by another project of pairing " + request.pairingId()));
  }

  /**
   * The draft {@code register} would store, without storing anything: the access rule and every
   * validation of a registration, for a dry run.
   */
  public Mono<ProjectDraft> checkRegistration(ProjectRegistration request, Actor actor) {
    Mono<Optional<Pairing>> pairing = request.pairingId() == null ? Mono.just(Optional.empty())
        : pairings.find(request.pairingId()).map(Optional::of).onErrorResume(NotFound.class, e -> Mono.just(Optional.empty()));
    Mono<Optional<ProjectKind>> enclave = request.enclaveId() == null || !ProjectId.isWellFormed(request.enclaveId())
        ? Mono.just(Optional.empty())
        : store.find(ProjectId.of(request.enclaveId())).map(stored -> Optional.of(stored.value().kind()))
            .defaultIfEmpty(Optional.empty());
    return Mono.zip(pairing, enclave).map(found -> {
      found.getT1().ifPresent(p -> actor.requireEitherSide(p.mountainCounty(), p.partnerCounty(),
          "registering a project under this pairing"));
      return ProjectDraft.validate(request, found.getT1().orElse(null), found.getT2().orElse(null), counties, clock);
    });
  }

  /** The projects a county office gave this code (one per pairing at most). */
  public Flux<Project> findByExternalCode(String externalCode) {
    return store.findByExternalCode(externalCode);
  }

  public Mono<Project> find(ProjectId id) {
    return store.find(id).map(Stored::value).switchIfEmpty(Mono.error(() -> new NotFound("project", id.value())));
  }

  public Mono<Page<Project>> search(ProjectQuery query, PageRequest page) {
    return store.search(query, page);
  }

  /**
   * Applies an update. {@code ifMatch} is the project version the client saw (null when it did not
   * say); when the project moved on since, the update is refused rather than applied to a state the
   * officer never looked at.
   */
  public Mono<Written<Report>> report(ProjectId projectId, ProgressReport report, String requestHash, Actor actor,
      String idempotencyKey, Long ifMatch) {
    String updateId = IdempotencyKeys.idFor("update\n" + projectId.value(), actor.name(), idempotencyKey);
    return report(projectId, updateId, idempotencyKey != null, report, requestHash, actor, ifMatch);
  }

  /**
   * Applies an update under an id the caller derived from its own idempotency key (a bulk import
   * keys each row by its file and row): an update already stored under that id is replayed.
   */
  public Mono<Written<Report>> report(ProjectId projectId, String updateId, ProgressReport report, String requestHash,
      Actor actor) {
    return report(projectId, updateId, true, report, requestHash, actor, null);
  }

  private Mono<Written<Report>> report(ProjectId projectId, String updateId, boolean mayReplay, ProgressReport report,
      String requestHash, Actor actor, Long ifMatch) {
    String user = actor.name();
    Mono<Stored<ProjectUpdate>> earlier = mayReplay ? store.findUpdate(projectId, updateId) : Mono.empty();
    // The project first, then the update under this id, not side by side: an update with the same id applied
    // after the project's read moved its sequence, so the write below fails and the next attempt finds it.
    return CompareAndSet.retry(find(projectId)
        .doOnNext(project -> actor.requireEitherSide(project.mountainCounty(), project.partnerCounty(),
            "reporting on this project"))
        .flatMap(project -> earlier
        .map(stored -> IdempotentCreate.replay(stored, requestHash, "a different update of this project"))
        .map(replayed -> new Written<>(new Report(replayed.value(), project), true))
        .switchIfEmpty(Mono.defer(() -> {
          if (ifMatch != null && ifMatch != project.sequence()) {
            return Mono.error(new Conflict(Conflict.Kind.PRECONDITION_FAILED, "If-Match " + ifMatch
                + " does not match the project's current version " + project.sequence()));
          }
          Project.Reported reported = project.report(updateId, report, policy, user, clock);
          return store.apply(project, reported, requestHash).filter(applied -> applied)
              .map(applied -> Written.created(new Report(reported.update(), reported.project())));
        }))), "project " + projectId.value());
  }

  /**
   * The update {@code report} would make, with its warnings, without recording anything: the same
   * access rule and validation as {@link #report}, for a form that asks before saving.
   */
  public Mono<ProjectUpdate> check(ProjectId projectId, ProgressReport report, Actor actor) {
    return find(projectId).map(project -> check(project, report, actor).update());
  }

  /**
   * What {@code report} would make of {@code project} in the state given (a dry run of several
   * updates in a row passes each the state the one before it left), without recording anything.
   */
  public Project.Reported check(Project project, ProgressReport report, Actor actor) {
    actor.requireEitherSide(project.mountainCounty(), project.partnerCounty(), "reporting on this project");
    return project.report(DRY_RUN, report, policy, actor.name(), clock);
  }

  /** Whether an update with this id was recorded (an import's row already committed), and with which request. */
  public Mono<Stored<ProjectUpdate>> findUpdate(ProjectId projectId, String updateId) {
    return store.findUpdate(projectId, updateId);
  }

  public Mono<Page<ProjectUpdate>> updates(ProjectId projectId, PageRequest page) {
    return find(projectId).then(store.updates(projectId, page));
  }

  public Mono<ProjectUpdate> update(ProjectId projectId, String updateId) {
    return store.findUpdate(projectId, updateId).map(Stored::value)
        .switchIfEmpty(Mono.error(() -> new NotFound("update", projectId.value() + "/" + updateId)));
  }

  /**
   * Moves a batch of accepted updates out of their projects' documents into the history; true when
   * the batch was full, so more may be waiting.
   */
  public Mono<Boolean> archiveUpdates() {
    return store.archiveUpdates(ARCHIVE_BATCH).map(projects -> projects == ARCHIVE_BATCH);
  }

  /** The programme figures of every project, as of today. */
  public Flux<ProgressFigures> figures() {
    return ledger.figures();
  }
}
