package org.shanhai.alerts.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.shanhai.alerts.Reason;

/**
 * One notification to one webhook subscription: one or more alert events (several when they came
 * within the subscription's grouping window), sent until the receiver accepts it or the attempts
 * run out. {@code id} is the Standard Webhooks {@code webhook-id}: the same on every attempt and
 * on a recovery, so receivers drop what they already have.
 *
 * @param reason why it FAILED or was SUPPRESSED (null otherwise)
 * @param attemptsInRound attempts since it was created or last recovered; the retry budget counts these
 * @param attempts every attempt ever made (the newest {@value #KEPT_ATTEMPTS})
 */
public record Delivery(
    String id,
    String subscriptionId,
    List<Item> items,
    Status status,
    Reason reason,
    Instant createdAt,
    Instant nextAttemptAt,
    int attemptsInRound,
    List<Attempt> attempts) {

  static final int KEPT_ATTEMPTS = 50;

  public enum Status {
    /** Waiting for its grouping window to close, or for its next attempt. */
    PENDING,
    DELIVERED,
    /** Out of attempts, refused, or its subscription is off; {@code POST …/recover} sends it again. */
    FAILED,
    /** Not sent: a silence or an inhibiting alert held it back ({@code reason} says which). */
    SUPPRESSED
  }

  // Why a delivery FAILED or was SUPPRESSED: the codes of its reason.
  public static final String GONE = "gone";
  public static final String GAVE_UP = "gave-up";
  public static final String SUBSCRIPTION_OFF = "subscription-off";
  public static final String URL_REFUSED = "url-refused";
  public static final String SILENCED = "silenced";
  public static final String INHIBITED = "inhibited";

  /**
   * One alert event in the notification. {@code since} starts the event-to-notification latency:
   * when the fact behind a firing was recorded, or when the alert changed for the other events.
   */
  public record Item(String eventId, String eventType, String alertId, String rule, String severity, Instant since,
      String data) {
  }

  /** One try: the receiver's HTTP status (0 when there was no answer), how long it took, what went wrong. */
  public record Attempt(Instant at, int status, long millis, String error) {
  }

  /** What the receiver did with an attempt. {@code retryAfter} is its {@code Retry-After}, if it sent one. */
  public record Response(int status, Duration retryAfter, String error) {

    public boolean accepted() {
      return status >= 200 && status < 300;
    }

    /** 410 Gone: the receiver wants no more of these (Standard Webhooks), so the subscription is disabled. */
    public boolean gone() {
      return status == 410;
    }
  }

  public static Delivery pending(String id, String subscriptionId, Item item, Instant now, Instant sendAt) {
    return new Delivery(id, subscriptionId, List.of(item), Status.PENDING, null, now, sendAt, 0, List.of());
  }

  public static Delivery suppressed(String id, String subscriptionId, Item item, Reason reason, Instant now) {
    return new Delivery(id, subscriptionId, List.of(item), Status.SUPPRESSED, reason, now, null, 0, List.of());
  }

  /** The delivery after an attempt at {@code now} got {@code response}. */
  public Delivery after(Response response, long millis, Instant now, Backoff backoff) {
    Attempt attempt = new Attempt(now, response.status(), millis, response.error());
    int round = attemptsInRound + 1;
    if (response.accepted()) {
      return with(Status.DELIVERED, null, null, round, attempt);
    }
    if (response.gone()) {
      return with(Status.FAILED, new Reason(GONE, "the receiver answered 410 Gone; the subscription is disabled"), null,
          round, attempt);
    }
    if (round >= backoff.maxAttempts()) {
      return with(Status.FAILED, new Reason(GAVE_UP, "gave up after " + round + " attempts"), null, round, attempt);
    }
    return with(Status.PENDING, null, now.plus(backoff.delayAfter(round, response.retryAfter())), round, attempt);
  }

  /** Not attempted: the subscription is off or the URL is refused now. */
  public Delivery refused(Reason why, Instant now) {
    return with(Status.FAILED, why, null, attemptsInRound, new Attempt(now, 0, 0, why.detail()));
  }

  private Delivery with(Status status, Reason reason, Instant next, int round, Attempt attempt) {
    List<Attempt> all = new ArrayList<>(attempts);
    all.add(attempt);
    List<Attempt> kept = all.size() > KEPT_ATTEMPTS ? all.subList(all.size() - KEPT_ATTEMPTS, all.size()) : all;
    return new Delivery(id, subscriptionId, items, status, reason, createdAt, next, round, List.copyOf(kept));
  }
}
