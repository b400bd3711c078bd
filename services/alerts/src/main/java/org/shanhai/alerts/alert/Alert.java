package org.shanhai.alerts.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.shanhai.alerts.rule.Check;
import org.shanhai.alerts.rule.Finding;
import org.shanhai.alerts.rule.RuleConfig;
import org.shanhai.alerts.rule.RuleId;
import org.shanhai.alerts.rule.Severity;
import org.shanhai.alerts.rule.Subject;
import org.shanhai.events.alerts.AlertAcknowledged;
import org.shanhai.events.alerts.AlertEscalated;
import org.shanhai.events.alerts.AlertEvent;
import org.shanhai.events.alerts.AlertFired;
import org.shanhai.events.alerts.AlertResolved;
import org.shanhai.web.validation.Conflict;
import org.shanhai.web.validation.Violations;

/**
 * One occurrence of an alert: a rule's condition about one subject, from the moment it held until
 * it was resolved. Its id is the fingerprint with the occurrence number, so the same condition
 * returning after a resolution is a new alert, and one condition is never two open alerts.
 *
 * <p>Immutable: every change returns the new alert with the events it causes, and raises
 * {@code sequence} by one, which guards the single-document write that stores both.
 *
 * @param awaitingClear resolved by hand while the condition still held: the condition must clear
 *     once before it can fire again, so a manual resolve is not undone by the next evaluation
 */
public record Alert(
    String id,
    String fingerprint,
    int occurrence,
    RuleId rule,
    Severity severity,
    AlertState state,
    Subject subject,
    Finding finding,
    Instant activeSince,
    Instant triggeredAt,
    Instant firedAt,
    Instant escalatedAt,
    Instant acknowledgedAt,
    String acknowledgedBy,
    Instant resolvedAt,
    String resolvedBy,
    String resolution,
    String note,
    boolean awaitingClear,
    long sequence) {

  static final int MAX_NOTE = 2000;
  static final int MAX_SUMMARY = 500;

  /** The alert after a change, and what it publishes; {@code gone} for a pending alert whose condition cleared. */
  public record Changed(Alert alert, List<AlertEvent> events, boolean gone) {

    static Changed to(Alert alert, AlertEvent... events) {
      return new Changed(alert, List.of(events), false);
    }
  }

  public static String idOf(String fingerprint, int occurrence) {
    return fingerprint + "." + occurrence;
  }

  /**
   * The first sight of a condition: pending when the rule wants it to hold for a while, firing at
   * once otherwise. {@code triggeredAt} is when the fact behind it was recorded.
   */
  public static Changed open(Check check, int occurrence, RuleConfig config, Instant now, Instant triggeredAt) {
    String fingerprint = check.fingerprint();
    Alert pending = new Alert(idOf(fingerprint, occurrence), fingerprint, occurrence, check.rule(), config.severity(),
        AlertState.PENDING, check.subject(), trimmed(check.finding()), now, triggeredAt, null, null, null, null, null,
        null, null, null, false, 0);
    return config.forDuration().isZero() ? pending.fire(now) : Changed.to(pending);
  }

  /**
   * The condition still holds: a pending alert fires once it has held for {@code for}; a firing
   * alert nobody acknowledged escalates after {@code escalateAfter} (counted from its firing or its
   * last escalation); otherwise only changed evidence is recorded. Empty when nothing changes.
   */
  public Optional<Changed> stillHolds(Finding current, RuleConfig config, Instant now) {
    Alert seen = current.equals(finding) ? this : withFinding(trimmed(current));
    if (state == AlertState.PENDING) {
      if (!now.isBefore(activeSince.plus(config.forDuration()))) {
        return Optional.of(seen.fire(now));
      }
    } else if (state == AlertState.FIRING && config.escalateAfter() != null && severity != Severity.CRITICAL) {
      Instant since = escalatedAt != null ? escalatedAt : firedAt;
      if (!now.isBefore(since.plus(config.escalateAfter()))) {
        return Optional.of(seen.escalate(now));
      }
    }
    return seen == this ? Optional.empty() : Optional.of(Changed.to(seen.next()));
  }

  /** The condition cleared: an open alert resolves by itself, a pending one goes, a manual resolve may fire again later. */
  public Optional<Changed> cleared(Instant now) {
    return switch (state) {
      case PENDING -> Optional.of(new Changed(this, List.of(), true));
      case FIRING, ACKNOWLEDGED -> {
        Alert resolved = new Alert(id, fingerprint, occurrence, rule, severity, AlertState.RESOLVED, subject, finding,
            activeSince, triggeredAt, firedAt, escalatedAt, acknowledgedAt, acknowledgedBy, now, null, "AUTO", note,
            false, sequence + 1);
        yield Optional.of(Changed.to(resolved, new AlertResolved(resolved.sequence, resolved.snapshot(), "AUTO", null,
            null, now)));
      }
      case RESOLVED -> awaitingClear ? Optional.of(Changed.to(new Alert(id, fingerprint, occurrence, rule, severity,
          state, subject, finding, activeSince, triggeredAt, firedAt, escalatedAt, acknowledgedAt, acknowledgedBy,
          resolvedAt, resolvedBy, resolution, note, false, sequence + 1))) : Optional.empty();
    };
  }

  /** Somebody takes the alert on; acknowledging it again changes nothing. */
  public Changed acknowledge(String user, String note, Instant now) {
    checkNote(note, false);
    if (state == AlertState.ACKNOWLEDGED) {
      return Changed.to(this);
    }
    if (state != AlertState.FIRING) {
      throw new Conflict(Conflict.Kind.EXISTS, "alert " + id + " is " + state + "; only a FIRING alert can be acknowledged");
    }
    Alert acknowledged = new Alert(id, fingerprint, occurrence, rule, severity, AlertState.ACKNOWLEDGED, subject,
        finding, activeSince, triggeredAt, firedAt, escalatedAt, now, user, null, null, null, note, false, sequence + 1);
    return Changed.to(acknowledged, new AlertAcknowledged(acknowledged.sequence, acknowledged.snapshot(), user, note,
        now));
  }

  /** An officer resolves the alert, saying why. */
  public Changed resolve(String user, String note, Instant now) {
    checkNote(note, true);
    if (!state.isOpen()) {
      throw new Conflict(Conflict.Kind.EXISTS, "alert " + id + " is " + state + "; only a FIRING or ACKNOWLEDGED alert can be resolved");
    }
    Alert resolved = new Alert(id, fingerprint, occurrence, rule, severity, AlertState.RESOLVED, subject, finding,
        activeSince, triggeredAt, firedAt, escalatedAt, acknowledgedAt, acknowledgedBy, now, user, "MANUAL", note, true,
        sequence + 1);
    return Changed.to(resolved, new AlertResolved(resolved.sequence, resolved.snapshot(), "MANUAL", user, note, now));
  }

  /** How long it has been firing, for people. */
  public Duration firingFor(Instant now) {
    return firedAt == null ? Duration.ZERO : Duration.between(firedAt, resolvedAt != null ? resolvedAt : now);
  }

  /** The alert as it travels in events and notifications. */
  public org.shanhai.events.alerts.Alert snapshot() {
    return new org.shanhai.events.alerts.Alert(id, fingerprint, rule.id(), severity.name(), state.name(),
        subject.type().name(), subject.id(), subject.county(), subject.partner(), subject.pairing(), subject.project(),
        subject.kind(), finding.summary(), finding.evidence(), activeSince, firedAt);
  }

  private Changed fire(Instant now) {
    Alert firing = new Alert(id, fingerprint, occurrence, rule, severity, AlertState.FIRING, subject, finding,
        activeSince, triggeredAt, now, null, null, null, null, null, null, null, false, sequence + 1);
    return Changed.to(firing, new AlertFired(firing.sequence, firing.snapshot(), triggeredAt, now));
  }

  private Changed escalate(Instant now) {
    Alert escalated = new Alert(id, fingerprint, occurrence, rule, severity.escalated(), state, subject, finding,
        activeSince, triggeredAt, firedAt, now, acknowledgedAt, acknowledgedBy, resolvedAt, resolvedBy, resolution,
        note, awaitingClear, sequence + 1);
    return Changed.to(escalated, new AlertEscalated(escalated.sequence, escalated.snapshot(), severity.name(), now));
  }

  private Alert withFinding(Finding current) {
    return new Alert(id, fingerprint, occurrence, rule, severity, state, subject, current, activeSince, triggeredAt,
        firedAt, escalatedAt, acknowledgedAt, acknowledgedBy, resolvedAt, resolvedBy, resolution, note, awaitingClear,
        sequence);
  }

  private Alert next() {
    return new Alert(id, fingerprint, occurrence, rule, severity, state, subject, finding, activeSince, triggeredAt,
        firedAt, escalatedAt, acknowledgedAt, acknowledgedBy, resolvedAt, resolvedBy, resolution, note, awaitingClear,
        sequence + 1);
  }

  private static Finding trimmed(Finding finding) {
    String summary = finding.summary();
    return summary.length() <= MAX_SUMMARY ? finding
        : new Finding(summary.substring(0, MAX_SUMMARY - 1) + "…", finding.evidence());
  }

  private static void checkNote(String note, boolean required) {
    new Violations()
        .check(!required || (note != null && !note.isBlank()), "note", "required", "say why the alert is resolved")
        .check(note == null || note.length() <= MAX_NOTE, "note", "too-long", "note is at most " + MAX_NOTE + " characters")
        .throwIfAny();
  }
}
