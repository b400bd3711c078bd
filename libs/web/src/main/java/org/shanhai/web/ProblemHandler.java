package org.shanhai.web;

import java.net.URI;
import java.util.List;

import org.shanhai.web.validation.Conflict;
import org.shanhai.web.validation.InvalidInput;
import org.shanhai.web.validation.NotFound;
import org.shanhai.web.validation.Violation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ContentTooLargeException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every error leaves as {@code application/problem+json} (RFC 9457): a {@code type} naming the kind
 * of problem, a human {@code detail}, and for input problems {@code errors}, one entry per field
 * ({@code field}, {@code code}, {@code message}). Spring's own errors (404 route, 405, 415, …) go
 * through the same shape via {@link ResponseEntityExceptionHandler}.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
  private static final String TYPES = "https://shanhai.example/problems/";

  @ExceptionHandler
  Mono<ResponseEntity<Object>> invalid(InvalidInput e, ServerWebExchange exchange) {
    return problem(HttpStatus.UNPROCESSABLE_CONTENT, "validation", "The input breaks the rules",
        "The request was understood but some values are not acceptable; nothing was stored.", e.violations(),
        exchange);
  }

  @ExceptionHandler
  Mono<ResponseEntity<Object>> badRequest(BadRequest e, ServerWebExchange exchange) {
    return problem(HttpStatus.BAD_REQUEST, "bad-request", "Bad request parameters",
        "Query parameters or headers cannot be used as given.", e.violations(), exchange);
  }

  @ExceptionHandler
  Mono<ResponseEntity<Object>> notFound(NotFound e, ServerWebExchange exchange) {
    return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage(), List.of(), exchange);
  }

  @ExceptionHandler
  Mono<ResponseEntity<Object>> conflict(Conflict e, ServerWebExchange exchange) {
    return switch (e.kind()) {
      case EXISTS -> problem(HttpStatus.CONFLICT, "conflict", "Conflicts with existing data", e.getMessage(),
          List.of(), exchange).map(response -> {
            if (e.existing() != null && response.getBody() instanceof ProblemDetail detail) {
              detail.setProperty("existing", e.existing());
            }
            return response;
          });
      case PRECONDITION_FAILED -> problem(HttpStatus.PRECONDITION_FAILED, "stale-version",
          "The resource changed", e.getMessage(), List.of(), exchange);
      case IDEMPOTENCY_KEY_REUSED -> problem(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
          "Idempotency-Key reused", e.getMessage(),
          List.of(new Violation(RequestContext.IDEMPOTENCY_KEY, "reused", e.getMessage())), exchange);
    };
  }

  @ExceptionHandler({DataBufferLimitException.class, ContentTooLargeException.class})
  Mono<ResponseEntity<Object>> tooLarge(Exception e, ServerWebExchange exchange) {
    return problem(HttpStatus.CONTENT_TOO_LARGE, "too-large", "Request body too large",
        "The request body is larger than this API accepts (spring.http.codecs.max-in-memory-size); nothing was stored.",
        List.of(), exchange);
  }

  @ExceptionHandler
  Mono<ResponseEntity<Object>> unexpected(Exception e, ServerWebExchange exchange) {
    log.error("unexpected error on {} {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), e);
    return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
        "Something went wrong on our side; it is logged. Retrying with the same Idempotency-Key is safe.",
        List.of(), exchange);
  }

  /** Unreadable bodies: malformed JSON, wrong types, unknown fields, a body too large to buffer. */
  @Override
  protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException e,
      HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
    Throwable cause = e;
    while (cause != null && !(cause instanceof JacksonException) && !(cause instanceof DataBufferLimitException)) {
      cause = cause.getCause();
    }
    if (cause instanceof DataBufferLimitException tooLarge) {
      return tooLarge(tooLarge, exchange);
    }
    if (cause instanceof JacksonException json) {
      String field = json.getPath().stream()
          .map(r -> r.getPropertyName() != null ? "." + r.getPropertyName() : "[" + r.getIndex() + "]")
          .reduce("", String::concat).replaceFirst("^\\.", "");
      boolean unknownField = json instanceof UnrecognizedPropertyException;
      String code = unknownField ? "unknown-field" : field.isEmpty() ? "malformed-json" : "wrong-type";
      String message = unknownField ? field + " is not a field of this request"
          : field.isEmpty() ? "the body is not well-formed JSON: " + json.getOriginalMessage()
          : field + " has the wrong type or format: " + firstLine(json.getOriginalMessage());
      return problem(HttpStatus.BAD_REQUEST, "unreadable-body", "Unreadable request body",
          "The body could not be read as this request; nothing was stored.",
          List.of(new Violation(field.isEmpty() ? "body" : field, code, message)), exchange);
    }
    String reason = e.getReason() == null ? "Bad request" : e.getReason();
    return problem(HttpStatus.BAD_REQUEST, "bad-request", "Bad request", reason, List.of(), exchange);
  }

  /** Spring's own errors, shaped like ours. */
  @Override
  protected Mono<ResponseEntity<Object>> createResponseEntity(Object body, HttpHeaders headers,
      HttpStatusCode status, ServerWebExchange exchange) {
    if (body instanceof ProblemDetail detail) {
      detail.setInstance(URI.create(exchange.getRequest().getPath().value()));
      if (detail.getDetail() == null) {
        detail.setDetail(detail.getTitle());
      }
      if (detail.getProperties() == null || !detail.getProperties().containsKey("errors")) {
        detail.setProperty("errors", List.of());
      }
    }
    return super.createResponseEntity(body, headers, status, exchange);
  }

  private static Mono<ResponseEntity<Object>> problem(HttpStatus status, String type, String title, String detail,
      List<Violation> errors, ServerWebExchange exchange) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create(TYPES + type));
    problem.setTitle(title);
    problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
    problem.setProperty("errors", errors);
    return Mono.just(ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem));
  }

  private static String firstLine(String message) {
    int end = message.indexOf('\n');
    return end < 0 ? message : message.substring(0, end);
  }
}
