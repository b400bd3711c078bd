package org.shanhai.web.validation;

/** The resource named in the path does not exist; answered with 404. */
public final class NotFound extends RuntimeException {

  public NotFound(String what, String id) {
    super(what + " " + id + " does not exist");
  }
}
