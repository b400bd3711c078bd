package org.shanhai.alerts.rule;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.MonthDay;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.shanhai.events.value.Money;
import org.shanhai.web.validation.Violations;

/**
 * How one rule is set: on or off, the severity it fires at, how long its condition must hold
 * before it fires ({@code forDuration}, Prometheus' {@code for}), how long a firing alert may go
 * unacknowledged before it is escalated (null: never), and its thresholds. {@code version} counts
 * the changes, for {@code ETag}/{@code If-Match}.
 */
public record RuleConfig(
    RuleId rule,
    boolean enabled,
    Severity severity,
    Duration forDuration,
    Duration escalateAfter,
    Map<String, String> params,
    long version,
    String updatedBy,
    Instant updatedAt) {

  static final Duration MAX_FOR = Duration.ofDays(30);
  static final Duration MIN_ESCALATION = Duration.ofMinutes(1);
  static final Duration MAX_ESCALATION = Duration.ofDays(30);

  public RuleConfig {
    params = Map.copyOf(params);
  }

  /** The setting a rule has until somebody changes it. */
  public static RuleConfig defaults(RuleId rule) {
    Duration escalateAfter = rule.defaultSeverity() == Severity.INFO ? null : Duration.ofHours(24);
    return new RuleConfig(rule, true, rule.defaultSeverity(), Duration.ZERO, escalateAfter, rule.defaultParams(), 0,
        null, null);
  }

  /** What an officer sends to change a rule; absent fields keep their current value, absent params too. */
  public record Change(Boolean enabled, Severity severity, Duration forDuration, Duration escalateAfter,
      Boolean escalate, Map<String, String> params) {
  }

  /** This rule after {@code change}, validated; 422 with every problem when it breaks the rules. */
  public RuleConfig change(Change change, String user, Instant now) {
    Violations v = new Violations();
    Severity newSeverity = change.severity() == null ? severity : change.severity();
    Duration newFor = change.forDuration() == null ? forDuration : change.forDuration();
    v.check(newFor.isZero() || (!newFor.isNegative() && newFor.compareTo(MAX_FOR) <= 0), "for", "out-of-range",
        "for is a duration from PT0S to P30D");
    Duration newEscalation = Boolean.FALSE.equals(change.escalate()) ? null
        : change.escalateAfter() != null ? change.escalateAfter() : escalateAfter;
    v.check(newEscalation == null || (newEscalation.compareTo(MIN_ESCALATION) >= 0
        && newEscalation.compareTo(MAX_ESCALATION) <= 0), "escalateAfter", "out-of-range",
        "escalateAfter is a duration from PT1M to P30D (send \"escalate\": false to turn escalation off)");
    Map<String, String> newParams = new TreeMap<>(params);
    if (change.params() != null) {
      change.params().forEach((name, value) -> {
        if (!rule.defaultParams().containsKey(name)) {
          v.add("params." + name, "unknown-field", rule.id() + " has the parameters " + rule.defaultParams().keySet());
        } else {
          validateParam(name, value, v);
          newParams.put(name, value);
        }
      });
    }
    v.throwIfAny();
    return new RuleConfig(rule, change.enabled() == null ? enabled : change.enabled(), newSeverity, newFor,
        newEscalation, newParams, version + 1, user, now);
  }

  private static void validateParam(String name, String value, Violations v) {
    String field = "params." + name;
    if (value == null) {
      v.add(field, "required", field + " needs a value");
      return;
    }
    switch (name) {
      case "days" -> v.check(isIntBetween(value, 1, 3650), field, "out-of-range", "days is a whole number from 1 to 3650");
      case "percent" -> v.check(isIntBetween(value, 1, 100), field, "out-of-range", "percent is a whole number from 1 to 100");
      case "threshold" -> {
        try {
          v.amount(field, new BigDecimal(value));
        } catch (NumberFormatException e) {
          v.add(field, "malformed", "threshold is an amount in yuan, e.g. \"100000.00\"");
        }
      }
      case "from" -> {
        try {
          MonthDay.parse("--" + value);
        } catch (DateTimeException e) {
          v.add(field, "malformed", "from is a day of the year as MM-dd, e.g. \"04-01\"");
        }
      }
      default -> throw new IllegalStateException("a parameter without validation: " + name);
    }
  }

  private static boolean isIntBetween(String value, int min, int max) {
    try {
      int n = Integer.parseInt(value);
      return n >= min && n <= max;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  public int intParam(String name) {
    return Integer.parseInt(params.get(name));
  }

  public Money amountParam(String name) {
    return Money.of(params.get(name));
  }

  public MonthDay monthDayParam(String name) {
    return MonthDay.parse("--" + params.get(name));
  }

  /** The parameters in a stable order, for responses. */
  public Map<String, String> sortedParams() {
    return new LinkedHashMap<>(new TreeMap<>(params));
  }
}
