package org.shanhai.web.write;

/**
 * A new document's id, or another of its unique keys, is taken: the request was made before (its
 * id derives from its Idempotency-Key), or another write won the race for a unique key.
 */
public final class DuplicateKey extends RuntimeException {

  public DuplicateKey(Throwable cause) {
    super(cause.getMessage(), cause);
  }
}
