package org.shanhai.projects.validation;

/**
 * The request is valid on its own but clashes with the current state (an active pairing for the
 * same two counties, a concurrent change, a reused idempotency key); answered with 409, or with 412
 * when the client's {@code If-Match} no longer holds.
 */
public final class Conflict extends RuntimeException {

  public enum Kind {
    EXISTS,
    PRECONDITION_FAILED,
    IDEMPOTENCY_KEY_REUSED
  }

  private final Kind kind;

  public Conflict(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
