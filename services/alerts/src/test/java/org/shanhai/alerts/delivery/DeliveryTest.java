package org.shanhai.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.shanhai.alerts.Reason;

class DeliveryTest {

  private static final Instant T0 = Instant.parse("2021-07-01T02:30:00Z");
  /** No jitter (random 0.5 is the middle of the spread): 5 s, 10 s, 20 s, ... up to an hour, 4 attempts. */
  private static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(5), Duration.ofHours(1), 4, 0.2, () -> 0.5);
  private static final Delivery.Item ITEM = new Delivery.Item("event-1", "shanhai.alert.fired.v1", "a.1",
      "project-stalled", "WARNING", T0, "{}");

  private static Delivery pending() {
    return Delivery.pending("msg_1", "subscription-1", ITEM, T0, T0);
  }

  @Test
  void a2xxAnswerDeliversIt() {
    Delivery d = pending().after(new Delivery.Response(204, null, null), 12, T0, BACKOFF);
    assertThat(d.status()).isEqualTo(Delivery.Status.DELIVERED);
    assertThat(d.attempts()).singleElement().satisfies(a -> assertThat(a.status()).isEqualTo(204));
  }

  @Test
  void failuresAreRetriedWithDoublingDelaysUntilTheAttemptsRunOut() {
    Delivery d = pending().after(new Delivery.Response(500, null, "HTTP 500"), 3, T0, BACKOFF);
    assertThat(d.status()).isEqualTo(Delivery.Status.PENDING);
    assertThat(d.nextAttemptAt()).isEqualTo(T0.plusSeconds(5));
    d = d.after(new Delivery.Response(0, null, "timeout"), 3, T0, BACKOFF);
    assertThat(d.nextAttemptAt()).isEqualTo(T0.plusSeconds(10));
    d = d.after(new Delivery.Response(503, null, null), 3, T0, BACKOFF);
    assertThat(d.nextAttemptAt()).isEqualTo(T0.plusSeconds(20));
    d = d.after(new Delivery.Response(503, null, null), 3, T0, BACKOFF);
    assertThat(d.status()).isEqualTo(Delivery.Status.FAILED);
    assertThat(d.reason()).isEqualTo(new Reason(Delivery.GAVE_UP, "gave up after 4 attempts"));
    assertThat(d.attempts()).hasSize(4);
  }

  @Test
  void aLongerRetryAfterIsHonouredUpToTheMaximum() {
    Delivery d = pending().after(new Delivery.Response(429, Duration.ofSeconds(120), null), 3, T0, BACKOFF);
    assertThat(d.nextAttemptAt()).isEqualTo(T0.plusSeconds(120));
    d = pending().after(new Delivery.Response(503, Duration.ofDays(2), null), 3, T0, BACKOFF);
    assertThat(d.nextAttemptAt()).isEqualTo(T0.plus(Duration.ofHours(1)));
  }

  @Test
  void gone410FailsAtOnce() {
    Delivery d = pending().after(new Delivery.Response(410, null, null), 3, T0, BACKOFF);
    assertThat(d.status()).isEqualTo(Delivery.Status.FAILED);
    assertThat(d.reason().code()).isEqualTo(Delivery.GONE);
    assertThat(d.reason().detail()).contains("410");
  }

  @Test
  void jitterSpreadsTheDelay() {
    Backoff low = new Backoff(Duration.ofSeconds(10), Duration.ofHours(1), 4, 0.2, () -> 0.0);
    Backoff high = new Backoff(Duration.ofSeconds(10), Duration.ofHours(1), 4, 0.2, () -> 1.0);
    assertThat(low.delayAfter(1, null)).isEqualTo(Duration.ofSeconds(8));
    assertThat(high.delayAfter(1, null)).isEqualTo(Duration.ofSeconds(12));
  }
}
