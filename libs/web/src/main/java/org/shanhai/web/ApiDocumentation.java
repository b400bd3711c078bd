package org.shanhai.web;

import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.shanhai.events.value.CountyCode;
import org.shanhai.events.value.Money;
import org.shanhai.events.value.ProjectId;
import org.shanhai.web.access.Actor;
import org.shanhai.web.paging.PageRequest;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;

/**
 * What every service's OpenAPI document says the same way, for the services that serve one
 * (springdoc): amounts, counties and project ids are strings; every operation takes a bearer token
 * (OAuth 2.0, a JWT from the programme's identity provider); lists take {@code page} and
 * {@code size}; and each operation lists the problem+json answers it can give.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(GlobalOperationCustomizer.class)
class ApiDocumentation {

  static final String BEARER = "bearer";
  private static final String PROBLEM = "Problem";
  private static final String PROBLEM_JSON = "application/problem+json";

  static {
    SpringDocUtils.getConfig()
        .replaceWithClass(BigDecimal.class, String.class)
        .replaceWithClass(Money.class, String.class)
        .replaceWithClass(CountyCode.class, String.class)
        .replaceWithClass(ProjectId.class, String.class)
        .addRequestWrapperToIgnore(Actor.class, PageRequest.class);
  }

  @Bean
  OpenApiCustomizer problemAndBearerComponents() {
    return api -> {
      Components components = api.getComponents() == null ? new Components() : api.getComponents();
      api.setComponents(components
          .addSchemas(PROBLEM, problemSchema())
          .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
              .bearerFormat("JWT")
              .description("An access token from the programme's OpenID Connect provider (realm shanhai). Its user "
                  + "is recorded on every change; its roles (officer, province, viewer) and, for an officer, "
                  + "counties say what the user may do.")));
    };
  }

  @Bean
  GlobalOperationCustomizer problemResponsesAndParameters() {
    return (operation, handler) -> {
      operation.setSecurity(List.of(new SecurityRequirement().addList(BEARER)));
      if (takes(handler, PageRequest.class)) {
        operation.addParametersItem(query(PageRequestResolver.PAGE, "The page, from 0", 0));
        operation.addParametersItem(query(PageRequestResolver.SIZE, "Items per page, 1 to " + PageRequest.MAX_SIZE,
            PageRequest.DEFAULT_SIZE));
      }
      addProblems(operation, handler);
      return operation;
    };
  }

  private static void addProblems(Operation operation, HandlerMethod handler) {
    Method method = handler.getMethod();
    boolean read = method.isAnnotationPresent(GetMapping.class);
    boolean body = annotated(handler, RequestBody.class);
    Map<String, String> problems = new LinkedHashMap<>();
    problems.put("400", "Bad request: unknown or malformed query parameters or headers"
        + (body ? ", or a body that cannot be read (malformed JSON, wrong types, unknown fields or values)" : ""));
    problems.put("401", "No valid bearer token (missing, expired, not signed by the provider, or for another "
        + "issuer or audience); WWW-Authenticate says which");
    problems.put("403", read ? "The token's user has no role that may read"
        : "The token's user may not do this (a role, a county or an owner that is not theirs); nothing was stored "
            + "or published");
    if (annotated(handler, PathVariable.class)) {
      problems.put("404", "Not found: nothing has the id in the path");
    }
    if (!read) {
      problems.put("409", "Conflict with the current state (it exists already, or is in a state that does not allow this)");
      problems.put("412", "The resource changed meanwhile: If-Match no longer holds, or it kept changing; read it again");
    }
    if (body) {
      problems.put("413", "The body is larger than this API accepts");
      problems.put("422", "The values break the rules (each violation names its field), or the Idempotency-Key was "
          + "used for a different request; nothing was stored or published");
    }
    problems.put("500", "Something went wrong on our side; retrying with the same Idempotency-Key is safe");
    problems.put("503", "The service cannot take the request now: it is busy (Retry-After says when to send it "
        + "again) or a store it needs is not answering; nothing was stored or published");
    ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
    problems.forEach((status, description) -> responses.putIfAbsent(status, new ApiResponse().description(description)
        .content(new Content().addMediaType(PROBLEM_JSON,
            new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))))));
    operation.setResponses(responses);
  }

  private static Schema<?> problemSchema() {
    Schema<?> violation = new ObjectSchema()
        .addProperty("field", new StringSchema().description("the field, query parameter or header, e.g. investmentPlan[1].date"))
        .addProperty("code", new StringSchema().description("stable, for programs, e.g. negative"))
        .addProperty("message", new StringSchema().description("for people: what is wrong and how to put it right"));
    return new ObjectSchema().description("RFC 9457 problem details, with one entry in errors per field at fault")
        .addProperty("type", new StringSchema().description("the kind of problem, a URI"))
        .addProperty("title", new StringSchema())
        .addProperty("status", new IntegerSchema())
        .addProperty("detail", new StringSchema())
        .addProperty("instance", new StringSchema().description("the path of the request"))
        .addProperty("errors", new ArraySchema().items(violation))
        .addProperty("existing", new StringSchema().description("on 409: the path of the resource the request collides with"));
  }

  private static Parameter query(String name, String description, int defaultValue) {
    return new Parameter().in("query").name(name).description(description).required(false)
        .schema(new IntegerSchema()._default(defaultValue));
  }

  private static boolean takes(HandlerMethod handler, Class<?> type) {
    return Arrays.stream(handler.getMethodParameters()).anyMatch(p -> p.getParameterType() == type);
  }

  private static boolean annotated(HandlerMethod handler, Class<? extends java.lang.annotation.Annotation> annotation) {
    return Arrays.stream(handler.getMethodParameters()).anyMatch(p -> p.hasParameterAnnotation(annotation));
  }
}
