package org.shanhai.web.write;

import org.shanhai.web.validation.Conflict;
import reactor.core.publisher.Mono;

/**
 * The one optimistic-concurrency loop: a change reads the current state, decides, and writes only
 * if the state is still the one it read (its sequence or version). When another write got in
 * between, the attempt completes empty and the change is decided again on the fresh state, at most
 * {@value #ATTEMPTS} times in all; then the caller hears 412 and may retry later.
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
    return Mono.defer(() -> attempt)
        .repeatWhenEmpty(ATTEMPTS - 1, repeats -> repeats)
        .switchIfEmpty(Mono.error(() -> new Conflict(Conflict.Kind.PRECONDITION_FAILED,
            what + " kept changing while this change was applied; retry it")));
  }
}
