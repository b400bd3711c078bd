package org.shanhai.web.write;

/**
 * What a write made or changed, and whether this answers a replayed request (the same
 * Idempotency-Key and body as one already answered: {@code Idempotent-Replayed: true}).
 */
public record Written<T>(T value, boolean replayed) {

  public static <T> Written<T> created(T value) {
    return new Written<>(value, false);
  }
}
