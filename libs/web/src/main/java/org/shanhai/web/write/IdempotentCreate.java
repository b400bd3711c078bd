package org.shanhai.web.write;

import java.util.function.Supplier;

import org.shanhai.web.validation.Conflict;
import reactor.core.publisher.Mono;

/**
 * The one way something is created idempotently (IETF draft-ietf-httpapi-idempotency-key-header):
 * its id derives from the Idempotency-Key ({@link IdempotencyKeys#idFor}), so a retried request
 * collides with the first one on that id inside the same single-document insert, and there is no
 * separate key store to keep consistent. The collision is answered with what the first request made
 * when the request is the same, and with 422 when the key was used for a different request.
 */
public final class IdempotentCreate {

  private IdempotentCreate() {
  }

  /**
   * Runs {@code insert}; when it fails with {@link DuplicateKey}, reads what holds the id
   * ({@code existing}) and replays it. When nothing holds the id, another unique key collided: the
   * {@link DuplicateKey} is passed on for the caller to explain.
   *
   * @param what what the request creates, for the message of a reused key ("a different project registration")
   */
  public static <T> Mono<Written<T>> create(Mono<T> insert, Supplier<Mono<Stored<T>>> existing, String requestHash,
      String what) {
    return Mono.defer(() -> insert).map(Written::created)
        .onErrorResume(DuplicateKey.class, duplicate -> existing.get()
            .map(stored -> replay(stored, requestHash, what))
            .switchIfEmpty(Mono.error(duplicate)));
  }

  /** The answer to a request whose Idempotency-Key made {@code stored}: it again, or 422 for a different request. */
  public static <T> Written<T> replay(Stored<T> stored, String requestHash, String what) {
    if (stored.requestHash() != null && !stored.requestHash().equals(requestHash)) {
      throw new Conflict(Conflict.Kind.IDEMPOTENCY_KEY_REUSED,
          "this Idempotency-Key was already used for " + what);
    }
    return new Written<>(stored.value(), true);
  }
}
