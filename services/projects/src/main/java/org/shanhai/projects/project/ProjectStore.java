package org.shanhai.projects.project;

import org.shanhai.events.projects.ProjectRegistered;
import org.shanhai.web.paging.Page;
import org.shanhai.web.paging.PageRequest;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Where projects are kept with their updates and their outbox, one document per project. */
public interface ProjectStore {

  /** Stores a new project with its event in one write; errors with {@link DuplicateProject} when the id exists. */
  Mono<Void> insert(Project project, String requestHash, ProjectRegistered event);

  Mono<StoredProject> find(String id);

  /**
   * Stores an accepted update, the project's new state and its events in one write, if the project
   * is still at {@code expectedSequence}; false when somebody else changed it first.
   */
  Mono<Boolean> apply(long expectedSequence, Project.Reported reported);

  Mono<Page<Project>> search(ProjectQuery query, PageRequest page);

  Mono<Page<ProjectUpdate>> updates(String projectId, PageRequest page);

  Mono<ProjectUpdate> findUpdate(String projectId, String updateId);

  /** The programme figures of every project as of {@code currentYear}: read on a schedule. */
  Flux<ProgressFigures> figures(int currentYear);

  /** A project with the fingerprint of the request that created it (for idempotent replays). */
  record StoredProject(Project project, String requestHash) {
  }

  final class DuplicateProject extends RuntimeException {
    public DuplicateProject(Throwable cause) {
      super(cause.getMessage(), cause);
    }
  }
}
