package org.shanhai.events.alerts;

import org.shanhai.events.Event;

/**
 * Facts published by the alerts service on {@link org.shanhai.events.Topics#ALERTS}, keyed by the
 * alert's project (else its subject). {@code sequence} counts the changes of one alert occurrence.
 */
public sealed interface AlertEvent extends Event
    permits AlertFired, AlertEscalated, AlertAcknowledged, AlertResolved {

  Alert alert();

  @Override
  default String aggregateId() {
    return alert().alertId();
  }

  @Override
  default String key() {
    return alert().key();
  }
}
