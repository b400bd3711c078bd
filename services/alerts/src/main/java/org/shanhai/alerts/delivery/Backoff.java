package org.shanhai.alerts.delivery;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * When to try a failed delivery again: exponential (first retry, then doubling) up to a maximum,
 * each delay spread by ±{@code jitter} at random so receivers that came back are not hit by every
 * sender at once. A receiver's {@code Retry-After} is honoured when it asks for longer, up to the maximum.
 */
public record Backoff(Duration firstRetry, Duration maxDelay, int maxAttempts, double jitter, DoubleSupplier random) {

  /** The delay after the {@code attempts}-th failed attempt (1 for the first). */
  public Duration delayAfter(int attempts, Duration retryAfter) {
    double base = firstRetry.toMillis() * Math.pow(2, Math.min(attempts - 1, 30));
    double spread = 1 + jitter * (2 * random.getAsDouble() - 1);
    long millis = (long) Math.min(maxDelay.toMillis(), base * spread);
    if (retryAfter != null && retryAfter.toMillis() > millis) {
      millis = Math.min(maxDelay.toMillis(), retryAfter.toMillis());
    }
    return Duration.ofMillis(Math.max(millis, 0));
  }
}
