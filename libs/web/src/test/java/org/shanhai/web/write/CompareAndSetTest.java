package org.shanhai.web.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.shanhai.web.validation.Conflict;
import reactor.core.publisher.Mono;

/** The optimistic-concurrency loop: decided again while others get in between, then a 412, never a 500. */
class CompareAndSetTest {

  @Test
  void aChangeThatKeepsLosingEndsInAPreconditionFailedAfterItsAttempts() {
    AtomicInteger attempts = new AtomicInteger();
    Mono<String> alwaysOvertaken = Mono.defer(() -> {
      attempts.incrementAndGet();
      return Mono.empty();
    });

    assertThatThrownBy(() -> CompareAndSet.retry(alwaysOvertaken, "project 42").block(Duration.ofSeconds(5)))
        .isInstanceOf(Conflict.class).hasMessageContaining("project 42 kept changing");
    assertThat(attempts).hasValue(CompareAndSet.ATTEMPTS);
  }

  @Test
  void aChangeOvertakenOnceIsDecidedAgainAndWritten() {
    AtomicInteger attempts = new AtomicInteger();
    Mono<String> overtakenOnce = Mono.defer(() -> attempts.incrementAndGet() == 1 ? Mono.empty() : Mono.just("written"));

    assertThat(CompareAndSet.retry(overtakenOnce, "project 42").block(Duration.ofSeconds(5))).isEqualTo("written");
    assertThat(attempts).hasValue(2);
  }
}
