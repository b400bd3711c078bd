package org.shanhai.events.alerts;

import java.time.Instant;

/** Somebody took a firing alert on: it no longer escalates. */
public record AlertAcknowledged(long sequence, Alert alert, String acknowledgedBy, String note, Instant at)
    implements AlertEvent {

  public static final String TYPE = "shanhai.alert.acknowledged.v1";
}
