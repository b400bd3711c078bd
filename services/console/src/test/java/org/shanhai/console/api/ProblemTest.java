package org.shanhai.console.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.shanhai.console.api.Problem.FieldError;

class ProblemTest {

  private static final Set<String> INPUTS = Set.of("amount", "paidOn");

  @Test
  void filesEachShownFieldsFirstErrorAtItsInputAndTheRestInTheFormsNotice() {
    Problem problem = new Problem(null, "Unprocessable", 422, null, List.of(
        new FieldError("amount", "zero", "amount must be more than zero"),
        new FieldError("amount", "overpayment", "amount exceeds the 12000.00 yuan still outstanding"),
        new FieldError("payout", "already-paid", "the 2024 payout is paid in full"),
        new FieldError(null, "reused", "a key with no field"),
        new FieldError("paidOn", "future", "paidOn is after today")));

    assertThat(problem.byField(INPUTS::contains).entrySet()).extracting(e -> e.getKey() + "=" + e.getValue().code())
        .containsExactly("amount=zero", "form=already-paid", "paidOn=future");
  }

  @Test
  void aRefusalWithoutViolationsIsSaidNotToBeSaved() {
    Problem problem = new Problem(null, "Bad Request", 400, "the body is not JSON", List.of());

    assertThat(problem.byField(INPUTS::contains)).containsOnlyKeys(Problem.FORM)
        .extractingByKey(Problem.FORM).extracting(FieldError::code, FieldError::message)
        .containsExactly("form.error.not-saved", "the body is not JSON");
  }
}
