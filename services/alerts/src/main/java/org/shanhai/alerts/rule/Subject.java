package org.shanhai.alerts.rule;

import org.shanhai.events.value.CountyCode;
import org.shanhai.events.value.ProjectId;

/**
 * What an alert is about, with the labels subscriptions and silences match on. Labels are bounded
 * dimensions (counties, pairing, kind) plus the project for routing; {@code county} is the mountain
 * county, {@code partner} the partner county; a label that does not apply is null.
 */
public record Subject(Type type, String id, CountyCode county, CountyCode partner, String pairing, ProjectId project,
    String kind) {

  /** The kinds of things rules look at. */
  public enum Type {
    PROJECT,
    PAYOUT,
    VILLAGE,
    TARGET
  }
}
