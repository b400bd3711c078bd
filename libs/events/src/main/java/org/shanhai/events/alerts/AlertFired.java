package org.shanhai.events.alerts;

import java.time.Instant;

/**
 * A rule's condition held (for the rule's {@code for} duration) and the alert fired.
 * {@code triggeredAt} is when the fact that made it hold was recorded (the consumed event's time,
 * or the evaluation time for a time-driven rule): the start of the event-to-notification latency.
 */
public record AlertFired(long sequence, Alert alert, Instant triggeredAt, Instant at) implements AlertEvent {

  public static final String TYPE = "shanhai.alert.fired.v1";
}
