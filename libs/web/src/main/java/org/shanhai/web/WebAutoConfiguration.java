package org.shanhai.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Gives every service the same error shape and request conventions: problem+json for every error,
 * the page of a list as a controller parameter (the acting user is libs/security's), unknown query parameters
 * refused, and the API documents that say so. Runs before Spring Boot's WebFlux configuration, so
 * Boot's own problem-details handler steps aside for {@link ProblemHandler}.
 */
@AutoConfiguration(before = WebFluxAutoConfiguration.class)
@Import(ApiDocumentation.class)
public class WebAutoConfiguration {

  @Bean
  ProblemHandler problemHandler() {
    return new ProblemHandler();
  }

  @Bean
  QueryParameters queryParameters() {
    return new QueryParameters();
  }

  @Bean
  RequestContext requestContext(JsonMapper json) {
    return new RequestContext(json);
  }

  @Bean
  WebFluxConfigurer requestParameters() {
    return new WebFluxConfigurer() {
      @Override
      public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
        configurer.addCustomResolver(new PageRequestResolver());
      }
    };
  }
}
