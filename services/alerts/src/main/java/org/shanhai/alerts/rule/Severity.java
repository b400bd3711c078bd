package org.shanhai.alerts.rule;

/** How urgent an alert is. Escalation moves an unacknowledged alert one level up. */
public enum Severity {
  INFO,
  WARNING,
  CRITICAL;

  public boolean isAtLeast(Severity other) {
    return other == null || ordinal() >= other.ordinal();
  }

  /** The next level up, or this one when there is none. */
  public Severity escalated() {
    return this == CRITICAL ? CRITICAL : values()[ordinal() + 1];
  }
}
