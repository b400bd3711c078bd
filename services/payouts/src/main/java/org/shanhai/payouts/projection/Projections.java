package org.shanhai.payouts.projection;

import java.util.List;

import org.shanhai.events.Event;
import org.shanhai.events.projects.PairingEnded;
import org.shanhai.events.projects.PairingRegistered;
import org.shanhai.events.projects.ProgressReported;
import org.shanhai.events.projects.ProjectEvent;
import org.shanhai.events.projects.ProjectRegistered;
import org.shanhai.events.projects.ProjectStatusChanged;
import org.shanhai.events.value.CountyCode;
import org.shanhai.events.value.ProjectId;
import reactor.core.publisher.Mono;

/** The payouts service's own copy of the projects and pairings it needs, kept from the projects service's events. */
public class Projections {

  private final ProjectViews views;

  public Projections(ProjectViews views) {
    this.views = views;
  }

  /** Applies one event of {@code shanhai.projects.v1}, once; true when it changed a view. */
  public Mono<Boolean> apply(Event event) {
    if (isAboutAPairing(event)) {
      return views.updatePairing(event.aggregateId(), event.sequence(),
          view -> PairingView.fold(view, (ProjectEvent) event));
    }
    if (isAboutAProject(event)) {
      return views.updateProject(ProjectId.of(event.aggregateId()), event.sequence(),
          view -> ProjectView.fold(view, (ProjectEvent) event));
    }
    return Mono.just(false);
  }

  /** Reads the views a poll's {@code events} fold into at once, before any of them is applied. */
  public Mono<Void> readAhead(List<Event> events) {
    return views.readAhead(events.stream().filter(Projections::isAboutAProject)
            .map(e -> ProjectId.of(e.aggregateId())).distinct().toList(),
        events.stream().filter(Projections::isAboutAPairing).map(Event::aggregateId).distinct().toList());
  }

  private static boolean isAboutAPairing(Event event) {
    return event instanceof PairingRegistered || event instanceof PairingEnded;
  }

  private static boolean isAboutAProject(Event event) {
    return event instanceof ProjectRegistered || event instanceof ProgressReported
        || event instanceof ProjectStatusChanged;
  }

  public Mono<ProjectView> project(ProjectId projectId) {
    return views.project(projectId);
  }

  public Mono<PairingView> pairing(String pairingId) {
    return views.pairing(pairingId);
  }

  public Mono<Boolean> isMountainCounty(CountyCode county) {
    return views.isMountainCounty(county);
  }
}
