package org.shanhai.alerts.alert;

/**
 * What an alert is about, with the labels subscriptions and silences match on. Labels are bounded
 * dimensions (counties, pairing, kind) plus the project for routing; {@code county} is the mountain
 * county, {@code partner} the partner county.
 */
public record Subject(Type type, String id, String county, String partner, String pairing, String project,
    String kind) {

  /** The kinds of things rules look at. */
  public enum Type {
    PROJECT,
    PAYOUT,
    VILLAGE,
    TARGET
  }
}
