package org.shanhai.events.alerts;

import java.time.Instant;

/** Nobody acknowledged a firing alert in time: it is re-notified at {@code alert.severity}, one level above {@code fromSeverity}. */
public record AlertEscalated(long sequence, Alert alert, String fromSeverity, Instant at) implements AlertEvent {

  public static final String TYPE = "shanhai.alert.escalated.v1";
}
