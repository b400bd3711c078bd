package org.shanhai.web.paging;

import java.util.List;
import java.util.function.Function;

/** One page of a list, in the API's list shape {@code {"items":[…],"page":0,"size":50,"total":N}}. */
public record Page<T>(List<T> items, int page, int size, long total) {

  public static <T> Page<T> of(List<T> all, PageRequest request) {
    int from = Math.min(request.offset(), all.size());
    int to = Math.min(from + request.size(), all.size());
    return new Page<>(List.copyOf(all.subList(from, to)), request.page(), request.size(), all.size());
  }

  public <R> Page<R> map(Function<T, R> mapper) {
    return new Page<>(items.stream().map(mapper).toList(), page, size, total);
  }
}
