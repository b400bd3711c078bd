package org.shanhai.alerts.projection;

import java.time.ZoneId;
import java.util.List;

import org.shanhai.events.Event;
import org.shanhai.events.payouts.PayoutEvent;
import org.shanhai.events.payouts.VillageIncomeReported;
import org.shanhai.events.projects.ProjectEvent;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The alerts service's own copy of the projects, payouts and villages its rules look at, kept from
 * the events of {@code shanhai.projects.v1} and {@code shanhai.payouts.v1} by the views' pure folds.
 */
public class Projections {

  private final SubjectViews views;
  private final ZoneId zone;

  /** @param zone where calendar days are counted (Zhejiang) */
  public Projections(SubjectViews views, ZoneId zone) {
    this.views = views;
    this.zone = zone;
  }

  /** Applies one event, once; true when it changed a view, false for duplicates, stale events and others. */
  public Mono<Boolean> apply(Event event) {
    return update(event).map(SubjectViews.Updated::changed).defaultIfEmpty(false);
  }

  /**
   * Applies one event, once, and gives its subject's view as it stands after (the rules' input):
   * none for events no rule looks at.
   */
  public Mono<SubjectViews.Updated> update(Event event) {
    return Touched.by(event).map(touched -> switch (touched.kind()) {
      case PROJECT -> views.updateProject(touched.id(), event.sequence(),
          view -> ProjectView.fold(view, (ProjectEvent) event, zone));
      case PAYOUT -> views.updatePayout(touched.id(), event.sequence(), view -> PayoutView.fold((PayoutEvent) event));
      case VILLAGE -> views.updateVillage(touched.id(), event.sequence(),
          view -> VillageView.fold(view, (VillageIncomeReported) event));
    }).orElse(Mono.empty());
  }

  /** Reads the views of the subjects a poll's events {@code touched} at once, before any of them is applied. */
  public Mono<Void> readAhead(List<Touched> touched) {
    return views.readAhead(ids(touched, Touched.Kind.PROJECT), ids(touched, Touched.Kind.PAYOUT),
        ids(touched, Touched.Kind.VILLAGE));
  }

  private static List<String> ids(List<Touched> touched, Touched.Kind kind) {
    return touched.stream().filter(t -> t.kind() == kind).map(Touched::id).distinct().toList();
  }

  public Flux<ProjectView> projects() {
    return views.projects();
  }

  public Flux<PayoutView> payouts() {
    return views.payouts();
  }

  public Flux<VillageView> villages() {
    return views.villages();
  }
}
