package org.shanhai.web.validation;

import java.util.List;

/** The input breaks a rule; answered with 422 and the list of violations. Nothing was stored or published. */
public final class InvalidInput extends RuntimeException {

  private final List<Violation> violations;

  public InvalidInput(List<Violation> violations) {
    super(violations.size() + " violation(s): " + violations);
    this.violations = List.copyOf(violations);
  }

  public InvalidInput(String field, String code, String message) {
    this(List.of(new Violation(field, code, message)));
  }

  public List<Violation> violations() {
    return violations;
  }
}
