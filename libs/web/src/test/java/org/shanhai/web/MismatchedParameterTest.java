package org.shanhai.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.shanhai.web.validation.Violation;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** A query or path parameter that does not convert is answered in the words a body's field gets, not the JDK's. */
class MismatchedParameterTest {

  enum Side { MOUNTAIN, PARTNER }

  /** Parameters as the controllers declare them. */
  @SuppressWarnings("unused")
  static final class Endpoints {

    void figures(@RequestParam(required = false) Integer year) {
    }

    void submit(@RequestParam(defaultValue = "false") boolean dryRun) {
    }

    void counties(@RequestParam(name = "side", required = false) Side side) {
    }

    void project(@PathVariable("projectId") Code projectId) {
    }
  }

  /** A value type of ours, whose converter says what it takes. */
  record Code(String value) {
  }

  @Test
  void aWholeNumberSaysSo() {
    assertThat(mismatched("figures", Integer.class, "abc", new NumberFormatException("For input string: \"abc\"")))
        .isEqualTo(new Violation("year", "malformed", "year must be a whole number, such as 12"));
  }

  @Test
  void aFlagSaysItIsTrueOrFalse() {
    assertThat(mismatched("submit", boolean.class, "maybe",
        new IllegalArgumentException("Invalid boolean value [maybe]")))
        .isEqualTo(new Violation("dryRun", "malformed", "dryRun must be true or false"));
  }

  @Test
  void anEnumNamesItsValues() {
    assertThat(mismatched("counties", Side.class, "coast", new IllegalArgumentException("No enum constant")))
        .isEqualTo(new Violation("side", "unknown-value", "side must be one of [MOUNTAIN, PARTNER]"));
  }

  @Test
  void aValueTypeOfOursKeepsWhatItsConverterSaid() {
    assertThat(mismatched("project", Code.class, "42", new IllegalArgumentException("42 is not a project id")))
        .isEqualTo(new Violation("projectId", "malformed", "projectId: 42 is not a project id"));
  }

  private static Violation mismatched(String method, Class<?> type, String value, Exception cause) {
    try {
      MethodParameter parameter = new MethodParameter(Endpoints.class.getDeclaredMethod(method, type), 0);
      return ProblemHandler.mismatched(parameter, new TypeMismatchException(value, type, cause));
    } catch (NoSuchMethodException e) {
      throw new AssertionError(e);
    }
  }
}
