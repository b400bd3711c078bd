package org.shanhai.alerts.silence;

import java.time.Duration;
import java.time.Instant;

import org.shanhai.alerts.matcher.Matchers;
import org.shanhai.events.alerts.Alert;
import org.shanhai.web.validation.Violations;

/**
 * A silence, as in Alertmanager: while it is active, alerts its matchers match are not notified
 * (they still fire and show in the API). Deleting a silence expires it; expired silences stay listed.
 */
public record Silence(String id, Matchers matchers, Instant startsAt, Instant endsAt, String comment,
    String createdBy, Instant createdAt) {

  static final Duration MAX_LENGTH = Duration.ofDays(366);
  static final int MAX_COMMENT = 2000;

  public enum State {
    PENDING,
    ACTIVE,
    EXPIRED
  }

  /** What a client asks to silence, and when; {@code startsAt} defaults to now. Nothing is trusted yet. */
  public record Order(Matchers.Selection matchers, Instant startsAt, Instant endsAt, String comment) {
  }

  public static Silence create(String id, Order r, String user, Instant now) {
    Violations v = new Violations().required("matchers", r.matchers()).required("endsAt", r.endsAt())
        .required("comment", r.comment())
        .check(r.comment() == null || r.comment().length() <= MAX_COMMENT, "comment", "too-long",
            "comment is at most " + MAX_COMMENT + " characters");
    Matchers matchers = Matchers.of(r.matchers(), "matchers.", v);
    v.check(r.matchers() == null || !matchers.selectsAll(), "matchers", "required",
        "a silence needs at least one matcher; it would silence everything otherwise");
    Instant starts = r.startsAt() == null ? now : r.startsAt();
    if (r.endsAt() != null) {
      v.check(r.endsAt().isAfter(starts), "endsAt", "before-start", "endsAt must be after startsAt");
      v.check(r.endsAt().isAfter(now), "endsAt", "in-the-past", "endsAt must be in the future");
      v.check(Duration.between(starts, r.endsAt()).compareTo(MAX_LENGTH) <= 0, "endsAt", "out-of-range",
          "a silence lasts at most a year");
    }
    v.throwIfAny();
    return new Silence(id, matchers, starts, r.endsAt(), r.comment().strip(), user, now);
  }

  public State state(Instant now) {
    return now.isBefore(startsAt) ? State.PENDING : now.isBefore(endsAt) ? State.ACTIVE : State.EXPIRED;
  }

  public boolean silences(Alert alert, Instant now) {
    return state(now) == State.ACTIVE && matchers.matches(alert);
  }

  /** Ends the silence now; an expired silence stays as it was. */
  public Silence expired(Instant now) {
    return state(now) == State.EXPIRED ? this
        : new Silence(id, matchers, startsAt.isAfter(now) ? now : startsAt, now, comment, createdBy, createdAt);
  }
}
