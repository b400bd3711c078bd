package org.shanhai.events;

/** CloudEvents {@code source} of each producing service. */
public final class Sources {

  public static final String PROJECTS = "/shanhai/projects";

  public static final String PAYOUTS = "/shanhai/payouts";

  public static final String ALERTS = "/shanhai/alerts";

  private Sources() {
  }
}
