package org.shanhai.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.json.JsonMapper;

/**
 * Gives every service the same error shape and request conventions. Runs before Spring Boot's
 * WebFlux configuration, so Boot's own problem-details handler steps aside for {@link ProblemHandler}.
 */
@AutoConfiguration(before = WebFluxAutoConfiguration.class)
public class WebAutoConfiguration {

  @Bean
  ProblemHandler problemHandler() {
    return new ProblemHandler();
  }

  @Bean
  RequestContext requestContext(JsonMapper json) {
    return new RequestContext(json);
  }
}
