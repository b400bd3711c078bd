package org.shanhai.projects.project;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.shanhai.events.value.ProjectId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The programme figures of every project, each kept as a fold of its history (see
 * {@link ProgressFigures.Fold}) and brought up to date from the updates after it: a refresh reads
 * the projects and only what changed since the last one (one read of the archive per hundred
 * projects), not every project's whole history, which grows with every report (read whole every
 * 30 seconds, it held up the update pipeline; see docs/benchmarks.md). The folds are derived data,
 * kept in memory per instance; a new instance folds each history once.
 */
public class ProgressLedger {

  /** Projects whose archived updates one read fetches: bounded, so a query's clauses and its answer stay small. */
  private static final int PROJECTS_PER_READ = 100;

  private final ProjectStore store;
  private final Clock clock;
  private final Map<ProjectId, ProgressFigures.Fold> folds = new ConcurrentHashMap<>();

  public ProgressLedger(ProjectStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** The figures of every project, as of today. */
  public Flux<ProgressFigures> figures() {
    return store.projectsWithRecentUpdates().buffer(PROJECTS_PER_READ)
        .concatMap(recents -> upToDate(recents).flatMapIterable(folded -> recents.stream()
            .map(recent -> folded.get(recent.project().id()).figures(recent.project(), clock)).toList()));
  }

  /**
   * The projects' folds, with the updates up to each one's sequence as read: after what was folded
   * before, the archived ones, read for all the projects that moved at once and folded as they
   * come (one project's in order), then those still in its document. The document is read before
   * the archive and an update leaves it only once archived, oldest first, so none is missed and
   * the order holds; one seen in both is folded once.
   */
  private Mono<Map<ProjectId, ProgressFigures.Fold>> upToDate(List<ProjectStore.Recent> recents) {
    Map<ProjectId, ProgressFigures.Fold> folded = new HashMap<>();
    recents.forEach(recent -> folded.put(recent.project().id(), foldOf(recent.project().id())));
    List<ProjectStore.Recent> moved = recents.stream()
        .filter(recent -> folded.get(recent.project().id()).through() < recent.project().sequence()).toList();
    List<ProjectStore.ArchiveRange> stretches = moved.stream().map(recent -> new ProjectStore.ArchiveRange(
        recent.project().id(), folded.get(recent.project().id()).through(), recent.project().sequence())).toList();
    return store.archivedUpdates(stretches)
        .doOnNext(update -> folded.computeIfPresent(update.projectId(), (id, fold) -> fold.plus(update)))
        .then(Mono.fromSupplier(() -> {
          for (ProjectStore.Recent recent : moved) {
            Project project = recent.project();
            ProgressFigures.Fold fold = folded.get(project.id());
            for (ProjectUpdate update : recent.updates()) {
              fold = fold.plus(update);
            }
            folded.put(project.id(), folds.merge(project.id(), fold.upTo(project.sequence()),
                (kept, other) -> kept.through() >= other.through() ? kept : other));
          }
          return folded;
        }));
  }

  private ProgressFigures.Fold foldOf(ProjectId project) {
    return folds.getOrDefault(project, ProgressFigures.Fold.NONE);
  }
}
