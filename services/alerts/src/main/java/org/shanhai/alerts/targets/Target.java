package org.shanhai.alerts.targets;

import java.math.BigDecimal;
import java.time.Instant;

import org.shanhai.events.value.Money;
import org.shanhai.web.validation.Violations;

/**
 * An annual investment target (yuan of completed investment in a calendar year) for the whole
 * province, one mountain county, or one pairing. The province's target defaults to the 2021–2025
 * plan's 40 billion yuan a year (DOMAIN.md §3.1) until somebody sets another.
 */
public record Target(Scope scope, String key, int year, Money investment, String setBy, Instant setAt) {

  /** Zhejiang's own GB/T 2260 code: the key of the province-wide target. */
  public static final String ZHEJIANG = "330000";
  public static final Money PROVINCE_DEFAULT = Money.of("40000000000.00");

  /** Whose target it is. */
  public enum Scope {
    PROVINCE,
    COUNTY,
    PAIRING
  }

  public static Target provinceDefault(int year) {
    return new Target(Scope.PROVINCE, ZHEJIANG, year, PROVINCE_DEFAULT, null, null);
  }

  /** A target as set, validated; the caller has checked the scope's key is well-formed. */
  public static Target set(Scope scope, String key, int year, BigDecimal investment, String user, Instant now) {
    Violations v = new Violations().required("investment", investment)
        .check(year >= 2003 && year <= 2100, "year", "out-of-range", "year is from 2003 (the programme's start) to 2100")
        .check(scope != Scope.PROVINCE || ZHEJIANG.equals(key), "key", "unknown", "the province's key is " + ZHEJIANG);
    Money amount = Money.of(v.amount("investment", investment));
    v.check(amount == null || amount.isPositive(), "investment", "not-positive", "investment must be above zero");
    v.throwIfAny();
    return new Target(scope, key, year, amount, user, now);
  }

  public String id() {
    return scope + "-" + key + "-" + year;
  }
}
