package org.shanhai.web.paging;

import org.shanhai.web.validation.Violations;

/** Which page of a list to return: {@code page} from 0, {@code size} from 1 to {@value #MAX_SIZE} (default {@value #DEFAULT_SIZE}). */
public record PageRequest(int page, int size) {

  public static final int DEFAULT_SIZE = 50;
  public static final int MAX_SIZE = 200;

  /** Validates the query parameters as given (null when absent). */
  public static PageRequest of(Integer page, Integer size, Violations violations) {
    int p = page == null ? 0 : page;
    int s = size == null ? DEFAULT_SIZE : size;
    if (p < 0 || p > 100_000) {
      violations.add("page", "out-of-range", "page counts from 0");
    }
    if (s < 1 || s > MAX_SIZE) {
      violations.add("size", "out-of-range", "size must be between 1 and " + MAX_SIZE);
    }
    return new PageRequest(p, s);
  }

  public int offset() {
    return page * size;
  }
}
