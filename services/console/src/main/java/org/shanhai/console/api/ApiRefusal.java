package org.shanhai.console.api;

/** A service answered with an error: its status and its problem document. */
public class ApiRefusal extends RuntimeException {

  private final int status;
  private final transient Problem problem;

  public ApiRefusal(int status, Problem problem) {
    super(status + " " + (problem.detail() != null ? problem.detail() : problem.title()));
    this.status = status;
    this.problem = problem;
  }

  public int status() {
    return status;
  }

  public Problem problem() {
    return problem;
  }
}
