package org.shanhai.projects.project;

import java.util.List;

import org.shanhai.events.projects.ProjectRegistered;
import org.shanhai.events.value.ProjectId;
import org.shanhai.web.paging.Page;
import org.shanhai.web.paging.PageRequest;
import org.shanhai.web.write.DuplicateKey;
import org.shanhai.web.write.Stored;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Where projects are kept with their updates and their outbox. */
public interface ProjectStore {

  /**
   * Stores a new project with its event in one write; fails with {@link DuplicateKey} when the id
   * exists, or its external code is taken in its pairing.
   */
  Mono<Void> insert(Project project, String requestHash, ProjectRegistered event);

  Mono<Stored<Project>> find(ProjectId id);

  /**
   * Every project a county office gave this code: one per pairing at most, since a code is unique only
   * within its pairing, and offices number their projects alike ("2024-001").
   */
  Flux<Project> findByExternalCode(String externalCode);

  /**
   * Stores an accepted update (with the fingerprint of its request), the project's new state and its
   * events in one write, if the project is still as {@code before} (at its sequence); false when
   * somebody else changed it first.
   */
  Mono<Boolean> apply(Project before, Project.Reported reported, String requestHash);

  Mono<Page<Project>> search(ProjectQuery query, PageRequest page);

  /** A project's updates, newest first. */
  Mono<Page<ProjectUpdate>> updates(ProjectId projectId, PageRequest page);

  Mono<Stored<ProjectUpdate>> findUpdate(ProjectId projectId, String updateId);

  /**
   * Moves the updates written into up to {@code projectCount} projects' documents to where the
   * history is kept, so the documents stay small; how many projects' updates were moved. Safe to
   * run anywhere at any time: a move cut short is done again.
   */
  Mono<Integer> archiveUpdates(int projectCount);

  /**
   * Every project with the updates still in its document (its newest; the archive holds the
   * others), oldest first: for the programme figures, read on a schedule.
   */
  Flux<Recent> projectsWithRecentUpdates();

  /**
   * The archived updates of each project in {@code ranges}, after its sequence {@code after}, up to
   * {@code upTo}: one read for all of them, project by project, each project's oldest first.
   */
  Flux<ProjectUpdate> archivedUpdates(List<ArchiveRange> ranges);

  /** A stretch of one project's history: the updates after sequence {@code after}, up to {@code upTo}. */
  record ArchiveRange(ProjectId projectId, long after, long upTo) {
  }

  /** A project and the updates still in its document, oldest first. */
  record Recent(Project project, List<ProjectUpdate> updates) {
  }
}
