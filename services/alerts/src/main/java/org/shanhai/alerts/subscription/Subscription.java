package org.shanhai.alerts.subscription;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.shanhai.alerts.Reason;
import org.shanhai.alerts.matcher.Matchers;
import org.shanhai.web.access.Actor;
import org.shanhai.web.validation.Conflict;
import org.shanhai.web.validation.Violations;

/**
 * Who wants to hear about which alerts, and how: label matchers, whether resolved notices are
 * wanted, a grouping window (alerts that come within one window travel in one notification, as
 * Alertmanager's group_wait), and a channel: a webhook signed per Standard Webhooks, or
 * Server-Sent Events read from {@code /api/v1/alerts/stream?subscription=…}.
 */
public record Subscription(
    String id,
    String name,
    Matchers matchers,
    boolean sendResolved,
    Duration groupWindow,
    Channel channel,
    Status status,
    Reason statusReason,
    String createdBy,
    Instant createdAt,
    long version) {

  static final int MAX_NAME = 100;
  static final int MAX_URL = 2000;
  static final Duration MAX_GROUP_WINDOW = Duration.ofHours(1);
  static final Duration DEFAULT_GROUP_WINDOW = Duration.ofSeconds(30);
  static final Duration MAX_ROTATION_OVERLAP = Duration.ofDays(7);
  private static final String SECRET_PREFIX = "whsec_";
  private static final SecureRandom RANDOM = new SecureRandom();

  public enum Status {
    ACTIVE,
    /** The receiver answered 410 Gone, or an officer turned it off; nothing is delivered until it is enabled. */
    DISABLED,
    DELETED
  }

  // Why a subscription is not ACTIVE: the codes of its reason. A deleted one is never shown (it is not found).
  /** Turned off by an officer (its owner or the province). */
  public static final String OFFICER = "officer";
  /** Turned off because its receiver answered 410 Gone. */
  public static final String GONE = "gone";
  public static final String DELETED = "deleted";

  public enum ChannelType {
    WEBHOOK,
    SSE
  }

  /** Where notifications go; {@code secrets} sign webhooks, newest first, the older ones until they expire. */
  public record Channel(ChannelType type, String url, List<Secret> secrets) {

    /** The secrets a delivery at {@code now} is signed with: each receiver accepts any one of the signatures. */
    public List<String> signingSecrets(Instant now) {
      return secrets.stream().filter(s -> s.expiresAt() == null || s.expiresAt().isAfter(now)).map(Secret::value)
          .toList();
    }
  }

  public record Secret(String value, Instant expiresAt) {
  }

  /**
   * What a client asks for; nothing is trusted yet. {@code groupWindow} defaults to 30 s; a webhook's
   * secret is generated when not given.
   */
  public record Order(String name, Matchers.Selection matchers, Boolean sendResolved, Duration groupWindow,
      ChannelOrder channel) {
  }

  public record ChannelOrder(ChannelType type, String url, String secret) {
  }

  /** What a client asks to rotate a webhook's secret; the old one keeps signing for {@code previousValidFor} (default 24 h). */
  public record Rotation(String secret, Duration previousValidFor) {
  }

  /** A subscription as made or rotated and, when this service made its secret up, that secret (shown once). */
  public record Created(Subscription subscription, String generatedSecret) {
  }

  /**
   * A new subscription from {@code r}. {@code urlRefusal} is the webhook URL policy's verdict on the
   * URL (null: allowed), checked by the caller because it resolves the host.
   */
  public static Created create(String id, Order r, String urlRefusal, String user, Instant now) {
    Violations v = new Violations().required("name", r.name()).required("channel", r.channel())
        .check(r.name() == null || r.name().length() <= MAX_NAME, "name", "too-long",
            "name is at most " + MAX_NAME + " characters");
    Matchers matchers = Matchers.of(r.matchers(), "matchers.", v);
    Duration window = r.groupWindow() == null ? DEFAULT_GROUP_WINDOW : r.groupWindow();
    v.check(!window.isNegative() && window.compareTo(MAX_GROUP_WINDOW) <= 0, "groupWindow", "out-of-range",
        "groupWindow is a duration from PT0S to PT1H");
    Channel channel = null;
    String generated = null;
    if (r.channel() != null) {
      ChannelType type = r.channel().type();
      v.required("channel.type", type);
      if (type == ChannelType.WEBHOOK) {
        v.required("channel.url", r.channel().url());
        v.check(r.channel().url() == null || r.channel().url().length() <= MAX_URL, "channel.url", "too-long",
            "channel.url is at most " + MAX_URL + " characters");
        if (r.channel().url() != null && urlRefusal != null) {
          v.add("channel.url", "refused", urlRefusal);
        }
        String secret = r.channel().secret();
        if (secret == null) {
          secret = generated = newSecret();
        } else {
          checkSecret("channel.secret", secret, v);
        }
        channel = new Channel(type, r.channel().url(), List.of(new Secret(secret, null)));
      } else if (type == ChannelType.SSE) {
        v.check(r.channel().url() == null && r.channel().secret() == null, "channel", "not-applicable",
            "an SSE channel has no url or secret: clients read /api/v1/alerts/stream?subscription=<id>");
        channel = new Channel(type, null, List.of());
      }
    }
    v.throwIfAny();
    return new Created(new Subscription(id, r.name().strip(), matchers,
        r.sendResolved() == null || r.sendResolved(), window, channel, Status.ACTIVE, null, user, now, 1), generated);
  }

  /** This subscription as an officer may have it: matching only alerts of their counties. */
  Subscription confinedTo(Actor officer) {
    return new Subscription(id, name, matchers.confinedTo(officer), sendResolved, groupWindow, channel, status,
        statusReason, createdBy, createdAt, version);
  }

  /** A new secret signs from now on; the ones before keep signing for {@code previousValidFor}, so receivers can switch. */
  public Created rotate(Rotation r, Instant now) {
    requireWebhook();
    Violations v = new Violations();
    String secret = r.secret() == null ? newSecret() : r.secret();
    checkSecret("secret", secret, v);
    Duration overlap = r.previousValidFor() == null ? Duration.ofHours(24) : r.previousValidFor();
    v.check(!overlap.isNegative() && overlap.compareTo(MAX_ROTATION_OVERLAP) <= 0, "previousValidFor",
        "out-of-range", "previousValidFor is a duration from PT0S to P7D");
    v.throwIfAny();
    Instant until = now.plus(overlap);
    List<Secret> secrets = new ArrayList<>();
    secrets.add(new Secret(secret, null));
    channel.secrets().stream().filter(s -> s.expiresAt() == null || s.expiresAt().isAfter(now))
        .map(s -> new Secret(s.value(), s.expiresAt() == null || s.expiresAt().isAfter(until) ? until : s.expiresAt()))
        .forEach(secrets::add);
    return new Created(with(new Channel(channel.type(), channel.url(), List.copyOf(secrets)), status, statusReason),
        r.secret() == null ? secret : null);
  }

  /** Off until enabled again: an officer turned it off, or its receiver answered 410 Gone. */
  public Subscription disabled(Reason reason) {
    return with(channel, Status.DISABLED, reason);
  }

  public Subscription enabled() {
    if (status == Status.DELETED) {
      throw new Conflict(Conflict.Kind.EXISTS, "subscription " + id + " was deleted");
    }
    return with(channel, Status.ACTIVE, null);
  }

  public Subscription deleted() {
    return with(channel, Status.DELETED, new Reason(DELETED, "deleted"));
  }

  public boolean isActive() {
    return status == Status.ACTIVE;
  }

  /** The webhook secret as people may see it: its prefix and last four characters. */
  public static String hint(String secret) {
    return SECRET_PREFIX + "…" + secret.substring(secret.length() - 4);
  }

  private void requireWebhook() {
    if (channel.type() != ChannelType.WEBHOOK) {
      throw new Conflict(Conflict.Kind.EXISTS, "subscription " + id + " is not a webhook; it has no secret");
    }
  }

  private Subscription with(Channel newChannel, Status newStatus, Reason reason) {
    return new Subscription(id, name, matchers, sendResolved, groupWindow, newChannel, newStatus, reason, createdBy,
        createdAt, version + 1);
  }

  private static void checkSecret(String field, String secret, Violations v) {
    boolean valid = secret.startsWith(SECRET_PREFIX);
    if (valid) {
      try {
        int bytes = Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length())).length;
        valid = bytes >= 24 && bytes <= 64;
      } catch (IllegalArgumentException e) {
        valid = false;
      }
    }
    v.check(valid, field, "malformed", field + " is whsec_ followed by 24 to 64 bytes in base64 (Standard Webhooks)");
  }

  private static String newSecret() {
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
  }

  /** The raw HMAC key of a {@code whsec_} secret. */
  public static byte[] key(String secret) {
    return Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
  }
}
