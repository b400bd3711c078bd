package org.shanhai.console.signin;

import java.net.URI;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.AuthorizationCodeReactiveOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.DelegatingReactiveOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.RefreshTokenReactiveOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.reactive.function.client.ServerOAuth2AuthorizedClientExchangeFilterFunction;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.web.server.DefaultServerRedirectStrategy;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationFailureHandler;
import org.springframework.security.web.server.csrf.XorServerCsrfTokenRequestAttributeHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Officers sign in with the programme's OpenID Connect provider: the authorization code flow with
 * PKCE, the console a confidential client ({@code shanhai-console} in the realm). Their tokens are
 * kept in the server-side session ({@link WebSessionServerOAuth2AuthorizedClientRepository}); the
 * browser holds only the session cookie (HttpOnly, SameSite=Lax, Secure outside the local profile).
 * Every form carries a CSRF token. Signing out ends the provider's session too (RP-initiated logout).
 * A sign-in that did not complete, and a form sent with a token the session no longer knows (the
 * session ended: a restart, a timeout), land on the console's own page that says so in the officer's
 * language, not on Spring Security's English ones.
 */
@Configuration(proxyBeanMethods = false)
class SignInConfiguration {

  /** After a refused form: the browser asks for the page that explains it with a GET, whatever it had sent. */
  private static final DefaultServerRedirectStrategy SEE_OTHER = seeOther();

  @Bean
  SecurityWebFilterChain console(ServerHttpSecurity http, ReactiveClientRegistrationRepository registrations,
      ServerOAuth2AuthorizedClientRepository authorizedClients) {
    DefaultServerOAuth2AuthorizationRequestResolver authorizationRequests =
        new DefaultServerOAuth2AuthorizationRequestResolver(registrations);
    authorizationRequests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
    OidcClientInitiatedServerLogoutSuccessHandler signedOut = new OidcClientInitiatedServerLogoutSuccessHandler(
        registrations);
    signedOut.setPostLogoutRedirectUri("{baseUrl}/signed-out");
    return http
        .authorizeExchange(routes -> routes
            .pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus").permitAll()
            .pathMatchers("/actuator", "/actuator/**").denyAll()
            .pathMatchers("/webjars/**", "/console.css", "/favicon.ico", SignedOutController.PATH).permitAll()
            .anyExchange().authenticated())
        .oauth2Login(login -> login
            .authorizationRequestResolver(authorizationRequests)
            .authorizedClientRepository(authorizedClients)
            .authenticationFailureHandler(new RedirectServerAuthenticationFailureHandler(
                SignedOutController.PATH + "?why=" + SignedOutController.FAILED)))
        .logout(logout -> logout.logoutSuccessHandler(signedOut))
        .csrf(csrf -> csrf.csrfTokenRequestHandler(multipartToo())
            .accessDeniedHandler((exchange, denied) -> expired(exchange)))
        .build();
  }

  /**
   * A form refused for its token: a page's form is sent on to the page that says nothing was saved; a
   * button htmx sent (the alerts page's) gets a 403 that tells htmx to go there, for a redirect it
   * would follow unseen and swap the whole page into the list it meant to update.
   */
  private static Mono<Void> expired(ServerWebExchange exchange) {
    String page = SignedOutController.PATH + "?why=" + SignedOutController.EXPIRED;
    if (exchange.getRequest().getHeaders().containsHeader("HX-Request")) {
      exchange.getResponse().setStatusCode(HttpStatus.FORBIDDEN);
      exchange.getResponse().getHeaders().set("HX-Redirect", page);
      return exchange.getResponse().setComplete();
    }
    return SEE_OTHER.sendRedirect(exchange, URI.create(page));
  }

  private static DefaultServerRedirectStrategy seeOther() {
    DefaultServerRedirectStrategy redirect = new DefaultServerRedirectStrategy();
    redirect.setHttpStatus(HttpStatus.SEE_OTHER);
    return redirect;
  }

  /** The default (masked) CSRF token, read from a multipart form too: the import's upload is one. */
  private static XorServerCsrfTokenRequestAttributeHandler multipartToo() {
    XorServerCsrfTokenRequestAttributeHandler handler = new XorServerCsrfTokenRequestAttributeHandler();
    handler.setTokenFromMultipartDataEnabled(true);
    return handler;
  }

  @Bean
  ServerOAuth2AuthorizedClientRepository authorizedClients() {
    return new WebSessionServerOAuth2AuthorizedClientRepository();
  }

  /**
   * Puts the signed-in officer's access token on the calls to the services, refreshing it with the
   * refresh token when it has expired.
   */
  @Bean
  ServerOAuth2AuthorizedClientExchangeFilterFunction officersToken(ReactiveClientRegistrationRepository registrations,
      ServerOAuth2AuthorizedClientRepository authorizedClients) {
    DefaultReactiveOAuth2AuthorizedClientManager manager = new DefaultReactiveOAuth2AuthorizedClientManager(
        registrations, authorizedClients);
    manager.setAuthorizedClientProvider(new DelegatingReactiveOAuth2AuthorizedClientProvider(
        new AuthorizationCodeReactiveOAuth2AuthorizedClientProvider(),
        new RefreshTokenReactiveOAuth2AuthorizedClientProvider()));
    ServerOAuth2AuthorizedClientExchangeFilterFunction filter =
        new ServerOAuth2AuthorizedClientExchangeFilterFunction(manager);
    filter.setDefaultOAuth2AuthorizedClient(true);
    return filter;
  }
}
