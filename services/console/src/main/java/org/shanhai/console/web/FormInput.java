package org.shanhai.console.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.shanhai.console.api.Problem.FieldError;

/**
 * What the forms share in reading what officers type: amounts in 万元 (the unit of the counties' own
 * sheets and notices, sent to the APIs in yuan), dates as the date inputs send them, and the errors
 * the console itself finds — only that a field is not a number or a date at all; every rule beyond
 * that is the API's.
 */
public final class FormInput {

  private static final BigDecimal WAN = BigDecimal.valueOf(10_000);

  private FormInput() {
  }

  public static boolean blank(String text) {
    return text == null || text.isBlank();
  }

  /** The amount typed in 万元 (grouping commas allowed) in yuan, or null when blank. Check {@link #number} first. */
  public static BigDecimal yuan(String wan) {
    return blank(wan) ? null : decimal(wan).multiply(WAN).setScale(2, RoundingMode.HALF_UP);
  }

  /** An amount in yuan as a form shows it, in 万元; empty when unknown. */
  public static String wan(BigDecimal yuan) {
    return yuan == null ? "" : yuan.divide(WAN).stripTrailingZeros().toPlainString();
  }

  /** The date typed, or null when blank. Check {@link #date(String, String, Map)} first. */
  public static LocalDate localDate(String text) {
    return blank(text) ? null : LocalDate.parse(text.strip());
  }

  /** Notes in {@code errors} that {@code field} is not a number, if it is not blank and not one. */
  public static void number(String field, String text, Map<String, String> errors) {
    if (!blank(text) && decimal(text) == null) {
      errors.put(field, "form.error.number");
    }
  }

  /** Notes in {@code errors} that {@code field} is not a date, if it is not blank and not one. */
  public static void date(String field, String text, Map<String, String> errors) {
    if (!blank(text)) {
      try {
        LocalDate.parse(text.strip());
      } catch (DateTimeParseException e) {
        errors.put(field, "form.error.date");
      }
    }
  }

  /** The console's own errors (message keys by field) as the field errors the pages show. */
  public static Map<String, FieldError> fieldErrors(Map<String, String> unreadable) {
    Map<String, FieldError> errors = new LinkedHashMap<>();
    unreadable.forEach((field, key) -> errors.put(field, new FieldError(field, key, null)));
    return errors;
  }

  private static BigDecimal decimal(String text) {
    try {
      return new BigDecimal(text.strip().replace(",", "").replace("，", ""));
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
