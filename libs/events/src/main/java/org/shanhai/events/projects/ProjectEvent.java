package org.shanhai.events.projects;

/**
 * Facts published by the projects service on {@link org.shanhai.events.Topics#PROJECTS}. Each
 * carries the {@code sequence} of its aggregate (pairing or project), which increases by one per
 * event, so consumers can drop duplicates and stale deliveries.
 */
public sealed interface ProjectEvent
    permits PairingRegistered, PairingEnded, ProjectRegistered, ProgressReported, ProjectStatusChanged {

  /** The CloudEvents {@code type}, e.g. {@code shanhai.project.registered.v1}. */
  String type();

  /** The Kafka record key and CloudEvents {@code subject}: the project id, or the pairing id for pairing facts. */
  String aggregateId();

  long sequence();
}
