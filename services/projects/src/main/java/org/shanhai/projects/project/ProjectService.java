package org.shanhai.projects.project;

import java.time.Clock;
import java.util.Optional;

import org.shanhai.projects.county.Counties;
import org.shanhai.web.IdempotencyKeys;
import org.shanhai.web.paging.Page;
import org.shanhai.web.paging.PageRequest;
import org.shanhai.projects.pairing.Pairing;
import org.shanhai.projects.pairing.PairingService;
import org.shanhai.web.validation.Conflict;
import org.shanhai.web.validation.NotFound;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Registers projects and applies the officers' updates to them. */
@Service
public class ProjectService {

  /** Concurrent updates to one project are retried against its fresh state this many times. */
  private static final int MAX_ATTEMPTS = 5;

  private final ProjectStore store;
  private final PairingService pairings;
  private final Counties counties;
  private final ProjectPolicy policy;
  private final Clock clock;

  public ProjectService(ProjectStore store, PairingService pairings, Counties counties, ProjectPolicy policy,
      Clock clock) {
    this.store = store;
    this.pairings = pairings;
    this.counties = counties;
    this.policy = policy;
    this.clock = clock;
  }

  /** A registered project; {@code replayed} when an earlier request with the same key created it. */
  public record Registration(Project project, boolean replayed) {
  }

  /** An accepted update, the project as it now stands, and whether this answers a replayed request. */
  public record Report(ProjectUpdate update, Project project, boolean replayed) {
  }

  public Mono<Registration> register(ProjectDraft.Registration request, String requestHash, String user,
      String idempotencyKey) {
    String id = IdempotencyKeys.idFor("project", user, idempotencyKey);
    Mono<Pairing> pairing = request.pairingId() == null ? Mono.empty()
        : pairings.find(request.pairingId()).onErrorResume(NotFound.class, e -> Mono.empty());
    Mono<Project> enclave = request.enclaveId() == null ? Mono.empty()
        : store.find(request.enclaveId()).map(ProjectStore.StoredProject::project);
    return Mono.zip(pairing.map(Optional::of).defaultIfEmpty(Optional.empty()),
            enclave.map(Optional::of).defaultIfEmpty(Optional.empty()))
        .flatMap(found -> {
          ProjectDraft draft = ProjectDraft.validate(request, found.getT1().orElse(null),
              found.getT2().orElse(null), counties, clock);
          Project project = Project.registered(id, draft, user, clock);
          return store.insert(project, requestHash, project.registeredEvent())
              .thenReturn(new Registration(project, false));
        })
        .onErrorResume(ProjectStore.DuplicateProject.class, e -> store.find(id).map(stored -> {
          if (!stored.requestHash().equals(requestHash)) {
            throw new Conflict(Conflict.Kind.IDEMPOTENCY_KEY_REUSED,
                "this Idempotency-Key was already used for a different project registration");
          }
          return new Registration(stored.project(), true);
        }));
  }

  public Mono<Project> find(String id) {
    return store.find(id).map(ProjectStore.StoredProject::project)
        .switchIfEmpty(Mono.error(() -> new NotFound("project", id)));
  }

  public Mono<Page<Project>> search(ProjectQuery query, PageRequest page) {
    return store.search(query, page);
  }

  /**
   * Applies an update. {@code ifMatch} is the project version the client saw (null when it did not
   * say); when the project moved on since, the update is refused rather than applied to a state the
   * officer never looked at.
   */
  public Mono<Report> report(String projectId, ProgressReport report, String requestHash, String user,
      String idempotencyKey, Long ifMatch) {
    String updateId = IdempotencyKeys.idFor("update\n" + projectId, user, idempotencyKey);
    return Mono.defer(() -> attempt(projectId, updateId, report, requestHash, user, idempotencyKey != null, ifMatch))
        .repeatWhenEmpty(MAX_ATTEMPTS - 1, repeats -> repeats)
        .switchIfEmpty(Mono.error(() -> new Conflict(Conflict.Kind.PRECONDITION_FAILED,
            "project " + projectId + " kept changing while this update was applied; retry it")));
  }

  public Mono<Page<ProjectUpdate>> updates(String projectId, PageRequest page) {
    return find(projectId).then(store.updates(projectId, page));
  }

  public Mono<ProjectUpdate> update(String projectId, String updateId) {
    return store.findUpdate(projectId, updateId)
        .switchIfEmpty(Mono.error(() -> new NotFound("update", projectId + "/" + updateId)));
  }

  /** One try; empty when another write got in first and the update must be decided again. */
  private Mono<Report> attempt(String projectId, String updateId, ProgressReport report, String requestHash,
      String user, boolean keyed, Long ifMatch) {
    Mono<ProjectUpdate> earlier = keyed ? store.findUpdate(projectId, updateId) : Mono.empty();
    return find(projectId).flatMap(project -> earlier
        .map(update -> replay(update, project, requestHash))
        .switchIfEmpty(Mono.defer(() -> {
          if (ifMatch != null && ifMatch != project.sequence()) {
            return Mono.error(new Conflict(Conflict.Kind.PRECONDITION_FAILED, "If-Match " + ifMatch
                + " does not match the project's current version " + project.sequence()));
          }
          Project.Reported reported = project.report(updateId, report, requestHash, policy, user, clock);
          return store.apply(project.sequence(), reported)
              .filter(applied -> applied)
              .map(applied -> new Report(reported.update(), reported.project(), false));
        })));
  }

  private static Report replay(ProjectUpdate update, Project project, String requestHash) {
    if (!update.requestHash().equals(requestHash)) {
      throw new Conflict(Conflict.Kind.IDEMPOTENCY_KEY_REUSED,
          "this Idempotency-Key was already used for a different update of this project");
    }
    return new Report(update, project, true);
  }
}
