package org.shanhai.web;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.shanhai.web.access.Forbidden;
import org.shanhai.web.validation.Conflict;
import org.shanhai.web.validation.InvalidInput;
import org.shanhai.web.validation.NotFound;
import org.shanhai.web.validation.Violation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ContentTooLargeException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

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
  Mono<ResponseEntity<Object>> forbidden(Forbidden e, ServerWebExchange exchange) {
    exchange.getAttributes().put(Forbidden.REASON, e.reason());
    return problem(HttpStatus.FORBIDDEN, "forbidden", "Not allowed for this user",
        e.getMessage() + "; nothing was stored.", List.of(), exchange);
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

  /**
   * Unreadable bodies (malformed JSON, wrong types, unknown fields or enum values, a body too large
   * to buffer) and query or path parameters of the wrong type: 400 naming the field, and for an
   * enum the values it takes.
   */
  @Override
  protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException e,
      HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
    Throwable cause = e;
    while (cause != null && !(cause instanceof JacksonException) && !(cause instanceof DataBufferLimitException)
        && !(cause instanceof TypeMismatchException)) {
      cause = cause.getCause();
    }
    if (cause instanceof DataBufferLimitException tooLarge) {
      return tooLarge(tooLarge, exchange);
    }
    if (cause instanceof JacksonException json) {
      return problem(HttpStatus.BAD_REQUEST, "unreadable-body", "Unreadable request body",
          "The body could not be read as this request; nothing was stored.", List.of(unreadable(json)), exchange);
    }
    if (cause instanceof TypeMismatchException mismatch && e.getMethodParameter() != null) {
      return problem(HttpStatus.BAD_REQUEST, "bad-request", "Bad request parameters",
          "Query or path parameters cannot be used as given.",
          List.of(mismatched(e.getMethodParameter(), mismatch)), exchange);
    }
    String reason = e.getReason() == null ? "Bad request" : e.getReason();
    return problem(HttpStatus.BAD_REQUEST, "bad-request", "Bad request", reason, List.of(), exchange);
  }

  static Violation unreadable(JacksonException json) {
    String field = json.getPath().stream()
        .map(r -> r.getPropertyName() != null ? "." + r.getPropertyName() : "[" + r.getIndex() + "]")
        .reduce("", String::concat).replaceFirst("^\\.", "");
    if (json instanceof UnrecognizedPropertyException) {
      return new Violation(field, "unknown-field", field + " is not a field of this request");
    }
    if (json instanceof InvalidFormatException format && format.getTargetType() != null
        && format.getTargetType().isEnum()) {
      return new Violation(field, "unknown-value", field + " must be one of " + constants(format.getTargetType()));
    }
    if (field.isEmpty()) {
      return new Violation("body", "malformed-json", "the body is not well-formed JSON: " + json.getOriginalMessage());
    }
    String expected = json instanceof MismatchedInputException mismatch ? expected(mismatch.getTargetType()) : null;
    // Jackson's own text names Java types and formatter internals, which a client cannot act on.
    return new Violation(field, "wrong-type", expected != null ? field + " must be " + expected
        : field + " has the wrong type or format: " + firstLine(json.getOriginalMessage()));
  }

  /** What a value of the types our requests take looks like, with an example; null for any other type. */
  private static String expected(Class<?> type) {
    if (type == null) {
      return null;
    }
    if (type == LocalDate.class) {
      return "a date written as yyyy-MM-dd, such as 2026-12-04";
    }
    if (type == Instant.class) {
      return "a time written as ISO 8601, such as 2026-12-04T01:30:00Z";
    }
    if (type == Duration.class) {
      return "a duration written as ISO 8601, such as PT5M for five minutes";
    }
    if (type == BigDecimal.class) {
      return "a number, such as 1250.50";
    }
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "a whole number, such as 12";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "text in double quotes";
    }
    return null;
  }

  /** A query or path parameter that does not convert: an enum names its values, a value type says what it takes. */
  static Violation mismatched(MethodParameter parameter, TypeMismatchException mismatch) {
    String name = parameterName(parameter);
    Class<?> type = parameter.getParameterType();
    if (type.isEnum()) {
      return new Violation(name, "unknown-value", name + " must be one of " + constants(type));
    }
    // The JDK's own words ("For input string", "Invalid boolean value") in the same words a body's field gets;
    // our value types (a project id, a county code) say what they take in their own exceptions.
    String expected = expected(type);
    if (expected != null) {
      return new Violation(name, "malformed", name + " must be " + expected);
    }
    Throwable root = mismatch;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    String why = root instanceof IllegalArgumentException && root.getMessage() != null ? root.getMessage()
        : "it is not a " + type.getSimpleName();
    return new Violation(name, "malformed", name + ": " + why);
  }

  private static String parameterName(MethodParameter parameter) {
    RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
    PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
    String named = param != null ? (param.name().isEmpty() ? param.value() : param.name())
        : path != null ? (path.name().isEmpty() ? path.value() : path.name()) : "";
    return named.isEmpty() ? parameter.getParameterName() : named;
  }

  private static String constants(Class<?> enumType) {
    return Arrays.toString(enumType.getEnumConstants());
  }

  /** Spring's own errors, shaped like ours. */
  @Override
  protected Mono<ResponseEntity<Object>> createResponseEntity(Object body, HttpHeaders headers,
      HttpStatusCode status, ServerWebExchange exchange) {
    HttpHeaders answered = new HttpHeaders();
    answered.addAll(headers);
    if (body instanceof ProblemDetail detail) {
      detail.setInstance(URI.create(exchange.getRequest().getPath().value()));
      if (detail.getDetail() == null) {
        detail.setDetail(detail.getTitle());
      }
      if (detail.getProperties() == null || !detail.getProperties().containsKey("errors")) {
        detail.setProperty("errors", List.of());
      }
      // Whatever the endpoint produces otherwise (an event stream, a spreadsheet): an error is problem+json.
      answered.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }
    return super.createResponseEntity(body, answered, status, exchange);
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

  /**
   * The same problem+json, written by a web filter that answers before any controller (and so this
   * advice) is reached: a refused token, a busy service. Headers the answer needs besides (a
   * challenge, Retry-After) are set by the caller first.
   */
  public static Mono<Void> answer(ServerWebExchange exchange, JsonMapper json, HttpStatus status, String type,
      String title, String detail) {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", TYPES + type);
    problem.put("title", title);
    problem.put("status", status.value());
    problem.put("detail", detail);
    problem.put("instance", exchange.getRequest().getPath().value());
    problem.put("errors", List.of());
    ServerHttpResponse response = exchange.getResponse();
    response.setStatusCode(status);
    response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    byte[] body = json.writeValueAsString(problem).getBytes(StandardCharsets.UTF_8);
    return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
  }

  private static String firstLine(String message) {
    int end = message.indexOf('\n');
    return end < 0 ? message : message.substring(0, end);
  }
}
