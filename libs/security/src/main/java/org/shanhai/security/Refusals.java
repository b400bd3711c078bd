package org.shanhai.security;

import org.shanhai.security.audit.AuditFilter;
import org.shanhai.web.ProblemHandler;
import org.shanhai.web.access.Forbidden;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The answers of the security rules, shaped like every other error (problem+json, RFC 9457), with
 * the {@code WWW-Authenticate} challenge of RFC 6750: 401 when there is no valid bearer token, 403
 * when its user may not do this. Each leaves its reason on the exchange for the audit trail.
 */
final class Refusals {

  private static final String RFC_6750 = "https://datatracker.ietf.org/doc/html/rfc6750#section-3.1";

  private final JsonMapper json;

  Refusals(JsonMapper json) {
    this.json = json;
  }

  /** 401: no token, or one that fails verification (signature, expiry, issuer, audience, algorithm). */
  Mono<Void> unauthenticated(ServerWebExchange exchange, AuthenticationException e) {
    boolean tokenGiven = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION) != null;
    String reason = tokenGiven ? "invalid-token" : "no-token";
    String why = tokenGiven ? describe(e) : "no bearer token: send Authorization: Bearer <access token>";
    exchange.getAttributes().put(Forbidden.REASON, reason);
    exchange.getAttributes().put(AuditFilter.REASON_DETAIL, why);
    String challenge = tokenGiven ? "Bearer error=\"invalid_token\", error_description=\"" + quoted(why)
        + "\", error_uri=\"" + RFC_6750 + "\"" : "Bearer";
    return write(exchange, HttpStatus.UNAUTHORIZED, challenge, "unauthenticated", "Not signed in",
        why + "; nothing was stored.");
  }

  /** 403 by the rules of the routes: a role the token's user does not have. */
  Mono<Void> denied(ServerWebExchange exchange, AccessDeniedException e) {
    return ReactiveSecurityContextHolder.getContext().map(SecurityContext::getAuthentication)
        .filter(ActorToken.class::isInstance).map(token -> ((ActorToken) token).actor())
        .doOnNext(actor -> exchange.getAttributes().put(AuditFilter.ACTOR, actor))
        .map(actor -> actor.roles().isEmpty()
            ? new String[] {"no-role", actor.name() + " has no role in this programme (officer, province or viewer)"}
            : new String[] {"role", actor.name() + " (" + actor.roles() + ") may not "
                + exchange.getRequest().getMethod() + " " + exchange.getRequest().getPath()})
        .defaultIfEmpty(new String[] {"role", "this is not allowed for the token's user"})
        .flatMap(reason -> {
          exchange.getAttributes().put(Forbidden.REASON, reason[0]);
          exchange.getAttributes().put(AuditFilter.REASON_DETAIL, reason[1]);
          return write(exchange, HttpStatus.FORBIDDEN, "Bearer error=\"insufficient_scope\", error_description=\""
              + quoted(reason[1]) + "\"", "forbidden", "Not allowed for this user", reason[1] + "; nothing was stored.");
        });
  }

  private static String describe(AuthenticationException e) {
    String message = e instanceof InvalidBearerTokenException && e.getMessage() != null ? e.getMessage()
        : "the bearer token is not valid";
    return message.length() > 300 ? message.substring(0, 300) : message;
  }

  private static String quoted(String text) {
    return text.replace("\\", "\\\\").replace("\"", "'");
  }

  private Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String challenge, String type, String title,
      String detail) {
    exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, challenge);
    return ProblemHandler.answer(exchange, json, status, type, title, detail);
  }
}
