package org.shanhai.web;

import org.springframework.beans.factory.annotation.Value;
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
 * refused, the API documents that say so, and a bound on the requests taken at once ({@link InFlightLimit}).
 * Runs before Spring Boot's WebFlux configuration, so Boot's own problem-details handler steps aside for
 * {@link ProblemHandler}.
 */
@AutoConfiguration(before = WebFluxAutoConfiguration.class)
@Import(ApiDocumentation.class)
public class WebAutoConfiguration {

  @Bean
  ProblemHandler problemHandler() {
    return new ProblemHandler();
  }

  /**
   * 256 by default: several times what the database connections (100 by default) can serve at once,
   * and about 8 MB of a service's heap at most.
   */
  @Bean
  InFlightLimit inFlightLimit(@Value("${shanhai.web.max-in-flight:256}") int max, JsonMapper json) {
    return new InFlightLimit(max, json);
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
