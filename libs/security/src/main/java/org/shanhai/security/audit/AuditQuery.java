package org.shanhai.security.audit;

import java.time.Instant;

/** Which entries of the audit trail to list; every part is optional. {@code to} is exclusive. */
record AuditQuery(String actor, Outcome outcome, Instant from, Instant to) {

  enum Outcome {
    PENDING, ACCEPTED, REFUSED, REJECTED, FAILED
  }
}
