package org.shanhai.web.validation;

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
  private final String existing;

  public Conflict(Kind kind, String message) {
    this(kind, message, null);
  }

  /** {@code existing} is the path of the resource the request collides with, so the client can use it. */
  public Conflict(Kind kind, String message, String existing) {
    super(message);
    this.kind = kind;
    this.existing = existing;
  }

  public Kind kind() {
    return kind;
  }

  public String existing() {
    return existing;
  }
}
