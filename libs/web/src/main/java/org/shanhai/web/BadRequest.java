package org.shanhai.web;

import java.util.List;

import org.shanhai.web.validation.Violation;

/** Query parameters or headers that cannot be used as given; answered with 400 and the violations. */
public final class BadRequest extends RuntimeException {

  private final List<Violation> violations;

  public BadRequest(List<Violation> violations) {
    super(violations.toString());
    this.violations = List.copyOf(violations);
  }

  public List<Violation> violations() {
    return violations;
  }
}
