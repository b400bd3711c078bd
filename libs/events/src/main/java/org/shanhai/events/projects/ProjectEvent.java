package org.shanhai.events.projects;

import org.shanhai.events.Event;

/**
 * Facts published by the projects service on {@link org.shanhai.events.Topics#PROJECTS}. Each
 * carries the {@code sequence} of its aggregate (pairing or project), which increases by one per
 * event, so consumers can drop duplicates and stale deliveries.
 */
public sealed interface ProjectEvent extends Event
    permits PairingRegistered, PairingEnded, ProjectRegistered, ProgressReported, ProjectStatusChanged {
}
