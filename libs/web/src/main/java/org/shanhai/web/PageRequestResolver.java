package org.shanhai.web;

import org.shanhai.web.paging.PageRequest;
import org.shanhai.web.validation.Violations;
import org.springframework.core.MethodParameter;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Resolves a list's {@link PageRequest} parameter from the {@code page} and {@code size} query parameters; 400 when they are off. */
final class PageRequestResolver implements HandlerMethodArgumentResolver {

  static final String PAGE = "page";
  static final String SIZE = "size";

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return parameter.getParameterType() == PageRequest.class;
  }

  @Override
  public Mono<Object> resolveArgument(MethodParameter parameter, BindingContext context, ServerWebExchange exchange) {
    MultiValueMap<String, String> query = exchange.getRequest().getQueryParams();
    Violations violations = new Violations();
    Integer page = number(PAGE, query.getFirst(PAGE), violations);
    Integer size = number(SIZE, query.getFirst(SIZE), violations);
    PageRequest request = PageRequest.of(page, size, violations);
    return violations.isEmpty() ? Mono.just(request) : Mono.error(new BadRequest(violations.list()));
  }

  private static Integer number(String name, String value, Violations violations) {
    if (value == null) {
      return null;
    }
    try {
      return Integer.valueOf(value.strip());
    } catch (NumberFormatException e) {
      violations.add(name, "malformed", name + " is a whole number");
      return 0;
    }
  }
}
