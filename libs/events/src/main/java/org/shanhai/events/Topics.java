package org.shanhai.events;

/** Kafka topic names: one per producing service, every record keyed by project id (pairing events by pairing id). */
public final class Topics {

  public static final String PROJECTS = "shanhai.projects.v1";

  public static final String PAYOUTS = "shanhai.payouts.v1";

  public static final String ALERTS = "shanhai.alerts.v1";

  private Topics() {
  }
}
