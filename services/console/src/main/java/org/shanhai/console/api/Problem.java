package org.shanhai.console.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

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

  /** The first violation of each field, for showing it at its input. */
  public Map<String, FieldError> byField() {
    return errors.stream().filter(e -> e.field() != null)
        .collect(Collectors.toMap(FieldError::field, e -> e, (first, later) -> first, LinkedHashMap::new));
  }
}
