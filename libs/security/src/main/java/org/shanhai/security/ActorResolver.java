package org.shanhai.security;

import org.shanhai.security.audit.AuditFilter;
import org.shanhai.web.access.Actor;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Resolves a controller's {@link Actor} parameter from the verified token: the one place that knows
 * where the acting user comes from. The actor is also left on the exchange for the audit trail.
 */
final class ActorResolver implements HandlerMethodArgumentResolver {

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return parameter.getParameterType() == Actor.class;
  }

  @Override
  public Mono<Object> resolveArgument(MethodParameter parameter, BindingContext context, ServerWebExchange exchange) {
    return ReactiveSecurityContextHolder.getContext().map(SecurityContext::getAuthentication)
        .filter(ActorToken.class::isInstance).map(token -> ((ActorToken) token).actor())
        .doOnNext(actor -> exchange.getAttributes().put(AuditFilter.ACTOR, actor))
        .cast(Object.class)
        .switchIfEmpty(Mono.error(() -> new IllegalStateException(
            "no verified user on a route that takes one: the security rules let it through unauthenticated")));
  }
}
