package org.shanhai.web;

import java.util.List;
import java.util.regex.Pattern;

import org.shanhai.web.access.Actor;
import org.shanhai.web.validation.Violation;
import org.springframework.core.MethodParameter;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Resolves a controller's {@link Actor} parameter: the acting officer named by {@code X-User}
 * (until authentication arrives), or 400 when the header is missing or malformed. The one place
 * that knows where the acting user comes from.
 */
final class ActorResolver implements HandlerMethodArgumentResolver {

  static final String USER = "X-User";
  private static final Pattern USER_NAME = Pattern.compile("[\\p{L}\\p{N}._@-]{1,100}");

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return parameter.getParameterType() == Actor.class;
  }

  @Override
  public Mono<Object> resolveArgument(MethodParameter parameter, BindingContext context, ServerWebExchange exchange) {
    String header = exchange.getRequest().getHeaders().getFirst(USER);
    if (header == null || !USER_NAME.matcher(header).matches()) {
      return Mono.error(new BadRequest(List.of(new Violation(USER, "required",
          "X-User names the acting officer: 1 to 100 letters, digits, '.', '_', '@' or '-'"))));
    }
    return Mono.just(new Actor(header));
  }
}
