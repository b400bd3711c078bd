package org.shanhai.alerts.alert;

/**
 * Where an alert stands. PENDING: the condition holds but not yet for the rule's {@code for}
 * duration (nothing is published or notified). FIRING → ACKNOWLEDGED → RESOLVED; RESOLVED is final
 * for this occurrence: the same condition returning later is a new occurrence of the fingerprint.
 */
public enum AlertState {
  PENDING,
  FIRING,
  ACKNOWLEDGED,
  RESOLVED;

  /** Fired and not yet resolved. */
  public boolean isOpen() {
    return this == FIRING || this == ACKNOWLEDGED;
  }
}
