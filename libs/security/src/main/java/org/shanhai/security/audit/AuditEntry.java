package org.shanhai.security.audit;

import java.time.Instant;

/**
 * One request in the audit trail: every write attempted (its outcome filled in when it is answered)
 * and every refused request. {@code outcome} is {@code pending} until the answer is known (an entry
 * left pending means the service stopped before answering), then {@code accepted} (2xx),
 * {@code refused} (401, 403, with {@code reason} and {@code detail}), {@code rejected} (another 4xx)
 * or {@code failed} (5xx).
 *
 * @param what the method and the path with its query, e.g. {@code POST /api/v1/projects/…/updates}
 * @param location where a created resource is, from the answer's {@code Location}
 */
public record AuditEntry(String requestId, Instant at, String actor, String what, String idempotencyKey,
    Integer status, String outcome, String reason, String detail, String location, Instant answeredAt) {

  static final String PENDING = "pending";

  /** The outcome a status stands for. */
  static String outcomeOf(int status) {
    if (status == 401 || status == 403) {
      return "refused";
    }
    return status < 400 ? "accepted" : status < 500 ? "rejected" : "failed";
  }
}
