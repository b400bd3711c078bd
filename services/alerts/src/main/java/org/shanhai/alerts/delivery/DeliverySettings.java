package org.shanhai.alerts.delivery;

import java.time.Duration;

/**
 * How webhooks are sent and retried.
 *
 * @param pollInterval how often the worker looks for deliveries that are due
 * @param lease how long one instance holds a delivery while sending it; another takes over after
 * @param backoff when a failed delivery is tried again, and how often
 */
public record DeliverySettings(Duration pollInterval, Duration lease, Backoff backoff) {
}
