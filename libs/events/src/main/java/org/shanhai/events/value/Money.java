package org.shanhai.events.value;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An amount in yuan (CNY), exact to the fen: always two decimals, rounded half-up where arithmetic
 * gives more (a guaranteed payout is capital × rate, rounded once). On the wire a decimal string
 * ({@code "93000000.00"}), in MongoDB a Decimal128; never a binary floating-point number.
 */
public record Money(BigDecimal yuan) implements Comparable<Money> {

  public static final Money ZERO = new Money(BigDecimal.ZERO);

  public Money {
    yuan = Objects.requireNonNull(yuan, "yuan").setScale(2, RoundingMode.HALF_UP);
  }

  /** The amount a decimal string states, e.g. {@code "93000000.00"}; null for null. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static Money of(String yuan) {
    return yuan == null ? null : new Money(new BigDecimal(yuan));
  }

  /** The amount, null for null. */
  public static Money of(BigDecimal yuan) {
    return yuan == null ? null : new Money(yuan);
  }

  public Money plus(Money other) {
    return new Money(yuan.add(other.yuan));
  }

  public Money minus(Money other) {
    return new Money(yuan.subtract(other.yuan));
  }

  /** This amount times {@code factor} (a rate, a share), rounded half-up to the fen. */
  public Money times(BigDecimal factor) {
    return new Money(yuan.multiply(factor));
  }

  public boolean isZero() {
    return yuan.signum() == 0;
  }

  public boolean isPositive() {
    return yuan.signum() > 0;
  }

  public boolean isLessThan(Money other) {
    return compareTo(other) < 0;
  }

  public boolean isMoreThan(Money other) {
    return compareTo(other) > 0;
  }

  /** The larger of this and {@code other}. */
  public Money max(Money other) {
    return isLessThan(other) ? other : this;
  }

  @Override
  public int compareTo(Money other) {
    return yuan.compareTo(other.yuan);
  }

  /** The plain decimal string, as on the wire and in messages: {@code 93000000.00}. */
  @JsonValue
  @Override
  public String toString() {
    return yuan.toPlainString();
  }
}
