package org.shanhai.web.validation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Collects the violations of one input so a caller hears about every problem at once, not one per
 * attempt. Also holds the checks every amount in yuan goes through.
 */
public final class Violations {

  /** Larger than anything in the programme (the largest agreements are about 1.3×10^10 yuan): a typo, not a project. */
  public static final BigDecimal ABSURD_AMOUNT = new BigDecimal("1000000000000.00");

  private final List<Violation> found = new ArrayList<>();

  public Violations add(String field, String code, String message) {
    found.add(new Violation(field, code, message));
    return this;
  }

  /** Adds the violation unless {@code holds}. */
  public Violations check(boolean holds, String field, String code, String message) {
    if (!holds) {
      add(field, code, message);
    }
    return this;
  }

  public Violations required(String field, Object value) {
    if (value == null || (value instanceof String s && s.isBlank())) {
      add(field, "required", field + " is required");
    }
    return this;
  }

  /**
   * An amount in yuan: not negative, at most two decimals (fen), not absurdly large. Returns it
   * with exactly two decimals, or null when absent or invalid.
   */
  public BigDecimal amount(String field, BigDecimal value) {
    if (value == null) {
      return null;
    }
    if (value.signum() < 0) {
      add(field, "negative", field + " must not be negative");
      return null;
    }
    if (value.stripTrailingZeros().scale() > 2) {
      add(field, "too-precise", field + " is in yuan with at most two decimals (fen)");
      return null;
    }
    if (value.compareTo(ABSURD_AMOUNT) > 0) {
      add(field, "absurd-amount", field + " exceeds " + ABSURD_AMOUNT.toPlainString() + " yuan");
      return null;
    }
    return value.setScale(2);
  }

  /** The constant of {@code type} named {@code value}, or null (with a violation listing the allowed names) when there is none. */
  public <E extends Enum<E>> E enumValue(String field, String value, Class<E> type) {
    if (value == null) {
      return null;
    }
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(value)) {
        return constant;
      }
    }
    add(field, "unknown-value", field + " must be one of " + Arrays.toString(type.getEnumConstants()));
    return null;
  }

  public boolean isEmpty() {
    return found.isEmpty();
  }

  public List<Violation> list() {
    return List.copyOf(found);
  }

  /** Throws {@link InvalidInput} when anything was found. */
  public void throwIfAny() {
    if (!found.isEmpty()) {
      throw new InvalidInput(list());
    }
  }
}
