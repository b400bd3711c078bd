package org.shanhai.events.alerts;

import java.time.Instant;

/**
 * An alert ended: {@code AUTO} when its condition cleared (e.g. an update arrived for a stalled
 * project), {@code MANUAL} when an officer resolved it ({@code resolvedBy}, {@code note}).
 */
public record AlertResolved(long sequence, Alert alert, String resolution, String resolvedBy, String note,
    Instant at) implements AlertEvent {

  public static final String TYPE = "shanhai.alert.resolved.v1";
}
