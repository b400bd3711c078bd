package org.shanhai.web.access;

/**
 * The acting user may not do this: answered 403, nothing stored or published. {@code reason} is
 * one of a few stable codes (for the audit trail and the refusals metric): {@code role} (another
 * role is needed), {@code county} (outside the officer's counties), {@code owner} (somebody
 * else's).
 */
public class Forbidden extends RuntimeException {

  /** The exchange attribute that carries the reason of a refusal to the audit trail. */
  public static final String REASON = "org.shanhai.access.refusal";

  private final String reason;

  public Forbidden(String reason, String message) {
    super(message);
    this.reason = reason;
  }

  public String reason() {
    return reason;
  }
}
