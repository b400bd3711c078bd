package org.shanhai.console.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * An API's RFC 9457 problem: what the console shows when a service refuses something.
 *
 * @param errors each violation with the field it is about (e.g. {@code cumulativeInvestment})
 */
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

  public record FieldError(String field, String code, String message) {
  }

  public Problem {
    errors = errors == null ? List.of() : List.copyOf(errors);
  }

  /** Where {@link #byField} files what a form has no input for: shown in the form's notice. */
  public static final String FORM = "form";

  /**
   * The first violation of each field a form {@code shows}, for showing it at its input; the first of
   * the rest under {@link #FORM}. A violation of a field the form has no input for (a payout already
   * paid, a form key reused after going back) must still be read by the officer, not dropped while
   * the notice points at red fields that are not there. A refusal with no violations at all is
   * filed there too, as not saved.
   */
  public Map<String, FieldError> byField(Predicate<String> shows) {
    Map<String, FieldError> byField = new LinkedHashMap<>();
    errors.forEach(e -> byField.putIfAbsent(e.field() != null && shows.test(e.field()) ? e.field() : FORM, e));
    if (byField.isEmpty()) {
      byField.put(FORM, new FieldError(null, "form.error.not-saved", detail));
    }
    return byField;
  }
}
