package org.shanhai.web.write;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import org.shanhai.web.validation.Conflict;
import reactor.core.publisher.Mono;

/**
 * The one optimistic-concurrency loop: a change reads the current state, decides, and writes only
 * if the state is still the one it read (its sequence or version). When another write got in
 * between, the attempt completes empty and the change is decided again on the fresh state after a
 * short random pause (up to 5, 10, 20, … ms), at most {@value #ATTEMPTS} times in all; then the
 * caller hears 412 and may retry later.
 */
public final class CompareAndSet {

  public static final int ATTEMPTS = 5;

  private CompareAndSet() {
  }

  /**
   * Runs {@code attempt} (cold: each subscription reads afresh) until it yields a value or an error.
   *
   * @param what what is being changed, for the message when it kept changing ("project 42")
   */
  public static <T> Mono<T> retry(Mono<T> attempt, String what) {
    // The companion ends after the last repeat, which ends the change empty and so a 412 (counting
    // repeats with repeatWhenEmpty's own limit would end it with an IllegalStateException: a 500).
    // Each repeat waits a random moment, longer each time, so that writes that collided do not collide again.
    return Mono.defer(() -> attempt)
        .repeatWhenEmpty(repeats -> repeats.take(ATTEMPTS - 1)
            .concatMap(n -> Mono.delay(Duration.ofMillis(ThreadLocalRandom.current().nextLong(1, 5L << n)))))
        .switchIfEmpty(Mono.error(() -> new Conflict(Conflict.Kind.PRECONDITION_FAILED,
            what + " kept changing while this change was applied; retry it")));
  }
}
