package org.shanhai.web;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.shanhai.web.paging.PageRequest;
import org.shanhai.web.validation.Violation;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.server.ServerWebExchange;

/**
 * Answers 400 naming any query parameter the operation does not know, before the operation runs:
 * a mistyped filter ({@code ?mountainCounty=} for {@code ?county=}) would otherwise be ignored and
 * return the wrong data without a word. An operation knows its {@code @RequestParam}s, and
 * {@code page} and {@code size} when it takes a {@link PageRequest}.
 */
@ControllerAdvice
class QueryParameters {

  private final Map<HandlerMethod, Set<String>> known = new ConcurrentHashMap<>();

  @ModelAttribute
  void rejectUnknown(ServerWebExchange exchange) {
    if (!(exchange.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE) instanceof HandlerMethod handler)
        || exchange.getRequest().getQueryParams().isEmpty()) {
      return;
    }
    Set<String> allowed = known.computeIfAbsent(handler, QueryParameters::namesOf);
    List<Violation> unknown = exchange.getRequest().getQueryParams().keySet().stream()
        .filter(name -> !allowed.contains(name)).sorted()
        .map(name -> new Violation(name, "unknown-parameter", name + " is not a query parameter of this operation"
            + (allowed.isEmpty() ? ", which takes none" : "; it takes " + allowed)))
        .toList();
    if (!unknown.isEmpty()) {
      throw new BadRequest(unknown);
    }
  }

  private static Set<String> namesOf(HandlerMethod handler) {
    Set<String> names = new TreeSet<>();
    for (MethodParameter parameter : handler.getMethodParameters()) {
      RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
      if (param != null) {
        names.add(!param.name().isEmpty() ? param.name()
            : !param.value().isEmpty() ? param.value() : parameter.getParameterName());
      } else if (parameter.getParameterType() == PageRequest.class) {
        names.addAll(Arrays.asList(PageRequestResolver.PAGE, PageRequestResolver.SIZE));
      }
    }
    return names;
  }
}
