package org.shanhai.security;

import java.time.Clock;
import java.time.Duration;

import com.mongodb.reactivestreams.client.MongoDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import org.shanhai.messaging.MessagingAutoConfiguration;
import org.shanhai.security.audit.AuditController;
import org.shanhai.security.audit.AuditFilter;
import org.shanhai.security.audit.AuditTrail;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every service is an OAuth 2.0 resource server. The token is a JWT checked by Spring Security
 * against the issuer's keys ({@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri}, cached,
 * fetched again for a key it does not know), its issuer ({@code issuer-uri}) and audience
 * ({@code audiences}); only RS256 is accepted, so neither {@code alg: none} nor an HMAC token keyed
 * with the public key gets through. A token once accepted is not checked again until it expires
 * ({@link AcceptedTokens}). The rules of the routes: health and the Prometheus endpoint are
 * open (probes, scraping), as is the OpenAPI document; the rest of the actuator and the audit trail
 * are the province's; reads need a role; writes need the officer or province role. Which county an
 * officer may write for is for the services to say, on the record concerned ({@code Actor}'s rules).
 */
@AutoConfiguration(after = MessagingAutoConfiguration.class,
    before = {ReactiveOAuth2ResourceServerAutoConfiguration.class, ReactiveManagementWebSecurityAutoConfiguration.class})
@Import(AuditController.class)
public class SecurityAutoConfiguration {

  private static final String OFFICER = "OFFICER";
  private static final String PROVINCE = "PROVINCE";
  private static final String VIEWER = "VIEWER";

  @Bean
  SecurityWebFilterChain resourceServer(ServerHttpSecurity http, ReactiveJwtDecoder issuerDecoder, Clock clock,
      TokenUsers users, Refusals refusals) {
    return http
        .csrf(ServerHttpSecurity.CsrfSpec::disable)
        .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
        .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
        .logout(ServerHttpSecurity.LogoutSpec::disable)
        .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
        .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
        .authorizeExchange(routes -> routes
            .pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus").permitAll()
            .pathMatchers("/v3/api-docs", "/v3/api-docs/**").permitAll()
            .pathMatchers("/actuator", "/actuator/**", "/api/v1/audit", "/api/v1/audit/**").hasRole(PROVINCE)
            .pathMatchers(HttpMethod.GET, "/**").hasAnyRole(OFFICER, PROVINCE, VIEWER)
            .pathMatchers(HttpMethod.HEAD, "/**").hasAnyRole(OFFICER, PROVINCE, VIEWER)
            .anyExchange().hasAnyRole(OFFICER, PROVINCE))
        .oauth2ResourceServer(server -> server
            .jwt(jwt -> jwt.jwtDecoder(new AcceptedTokens(issuerDecoder, clock)).jwtAuthenticationConverter(users))
            .authenticationEntryPoint(refusals::unauthenticated)
            .accessDeniedHandler(refusals::denied))
        .exceptionHandling(handling -> handling
            .authenticationEntryPoint(refusals::unauthenticated)
            .accessDeniedHandler(refusals::denied))
        .build();
  }

  /**
   * No observation of each security filter, authentication and authorization. With the actuator's
   * registry present, Spring Security would otherwise time every filter of the chain on every request:
   * about a twentieth of the projects service's CPU under the bench (docs/benchmarks.md), for
   * {@code spring_security_*} metrics no dashboard or rule reads. Each request is still timed whole
   * ({@code http_server_requests_seconds}), and refusals are counted by reason
   * ({@code shanhai_access_refused_total}).
   */
  @Bean
  SecurityObservationSettings securityObservationSettings() {
    return SecurityObservationSettings.noObservations();
  }

  @Bean
  TokenUsers tokenUsers(@Value("${shanhai.security.claims.name:preferred_username}") String name,
      @Value("${shanhai.security.claims.roles:roles}") String roles,
      @Value("${shanhai.security.claims.counties:counties}") String counties) {
    return new TokenUsers(name, roles, counties);
  }

  @Bean
  Refusals refusals(JsonMapper json) {
    return new Refusals(json);
  }

  @Bean
  WebFluxConfigurer actorParameter() {
    return new WebFluxConfigurer() {
      @Override
      public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
        configurer.addCustomResolver(new ActorResolver());
      }
    };
  }

  @Bean
  AuditTrail auditTrail(MongoDatabase serviceDatabase) {
    AuditTrail trail = new AuditTrail(serviceDatabase);
    trail.createIndexes().block(Duration.ofSeconds(30));
    return trail;
  }

  @Bean
  AuditFilter auditFilter(AuditTrail auditTrail, Clock clock, MeterRegistry meters) {
    return new AuditFilter(auditTrail, clock, meters);
  }
}
