package org.shanhai.payouts.projection;

import org.shanhai.events.projects.ProgressReported;
import org.shanhai.events.projects.ProjectEvent;
import org.shanhai.events.projects.ProjectRegistered;
import org.shanhai.events.projects.ProjectStatusChanged;
import org.shanhai.events.value.CountyCode;
import org.shanhai.events.value.ProjectId;

/**
 * What the payouts service knows of a project, from the projects service's events: enough to
 * accept a shareholding in it and to label its payouts. Every project event carries where the
 * project belongs; only the registration carries its name and host county.
 */
public record ProjectView(
    ProjectId projectId,
    String name,
    String pairingId,
    CountyCode mountainCounty,
    CountyCode partnerCounty,
    CountyCode hostCounty,
    String kind,
    String status) {

  /** Enclaves and co-built parks take village shareholdings. */
  public boolean takesShareholdings() {
    return kind != null && (kind.endsWith("_ENCLAVE") || kind.endsWith("_PARK"));
  }

  /** The view after {@code event}; {@code current} is null before the first event of the project seen. */
  static ProjectView fold(ProjectView current, ProjectEvent event) {
    String name = current == null ? null : current.name();
    CountyCode host = current == null ? null : current.hostCounty();
    if (event instanceof ProjectRegistered r) {
      return new ProjectView(r.projectId(), r.name(), r.pairingId(), r.mountainCounty(), r.partnerCounty(),
          r.hostCounty(), r.kind(), r.status());
    }
    if (event instanceof ProgressReported p) {
      return new ProjectView(p.projectId(), name, p.pairingId(), p.mountainCounty(), p.partnerCounty(), host,
          p.kind(), p.status());
    }
    if (event instanceof ProjectStatusChanged c) {
      return new ProjectView(c.projectId(), name, c.pairingId(), c.mountainCounty(), c.partnerCounty(), host,
          c.kind(), c.to());
    }
    throw new IllegalArgumentException("not a project event: " + event.type());
  }
}
