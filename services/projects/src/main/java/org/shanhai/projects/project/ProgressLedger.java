package org.shanhai.projects.project;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.shanhai.events.value.ProjectId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The programme figures of every project, each kept as a fold of its history (see
 * {@link ProgressFigures.Fold}) and brought up to date from the updates after it: a refresh reads
 * the projects and only what changed since the last one, not every project's whole history, which
 * grows with every report (read whole every 30 seconds, it held up the update pipeline; see
 * docs/benchmarks.md). The folds are derived data, kept in memory per instance; a new instance
 * folds each history once.
 */
public class ProgressLedger {

  private final ProjectStore store;
  private final Clock clock;
  private final Map<ProjectId, ProgressFigures.Fold> folds = new ConcurrentHashMap<>();

  public ProgressLedger(ProjectStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** The figures of every project, as of today. */
  public Flux<ProgressFigures> figures() {
    return store.projectsWithRecentUpdates()
        .concatMap(recent -> upToDate(recent).map(fold -> fold.figures(recent.project(), clock)));
  }

  /**
   * The project's fold, with the updates up to its sequence as read: those still in its document
   * and, after what was folded before, the archived ones. The document is read before the archive
   * and an update leaves it only once archived, so none is missed; one seen in both is folded once.
   */
  private Mono<ProgressFigures.Fold> upToDate(ProjectStore.Recent recent) {
    Project project = recent.project();
    ProgressFigures.Fold before = folds.getOrDefault(project.id(), ProgressFigures.Fold.NONE);
    if (before.through() >= project.sequence()) {
      return Mono.just(before);
    }
    return store.archivedUpdates(project.id(), before.through(), project.sequence()).collectList()
        .map(archived -> {
          ProgressFigures.Fold fold = before;
          for (ProjectUpdate update : inOrder(archived, recent.updates())) {
            fold = fold.plus(update);
          }
          ProgressFigures.Fold after = fold.upTo(project.sequence());
          return folds.merge(project.id(), after, (kept, other) -> kept.through() >= other.through() ? kept : other);
        });
  }

  private static List<ProjectUpdate> inOrder(List<ProjectUpdate> archived, List<ProjectUpdate> recent) {
    return Stream.concat(archived.stream(), recent.stream())
        .sorted((a, b) -> Long.compare(a.sequence(), b.sequence())).toList();
  }
}
