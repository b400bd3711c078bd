package org.shanhai.alerts.delivery;

import java.time.Duration;

/** What the delivery of notifications counts, for the service's metrics. */
public interface DeliveryMetrics {

  /**
   * A notification's fate on a channel: delivered, retrying, failed, gone (410), refused (URL),
   * silenced, inhibited; SSE counts what it streamed.
   */
  void notification(String channel, String outcome);

  /** How long one webhook attempt took, by outcome. */
  void attempt(String outcome, Duration took);

  /** From the fact behind an alert event to the subscriber having it. */
  void eventToNotification(String channel, Duration latency);
}
