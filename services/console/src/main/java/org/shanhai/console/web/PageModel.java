package org.shanhai.console.web;

import java.util.Map;

import org.shanhai.console.ConsoleProperties;
import org.shanhai.console.api.ProjectsApi.County;
import org.shanhai.console.signin.Officer;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** What every page shows besides its own content: who is signed in, the county names, the form token. */
@ControllerAdvice
class PageModel {

  private final Counties counties;
  private final ConsoleProperties settings;

  PageModel(Counties counties, ConsoleProperties settings) {
    this.counties = counties;
    this.settings = settings;
  }

  @ModelAttribute("officer")
  Officer officer(@AuthenticationPrincipal OidcUser user) {
    return user == null ? null : Officer.of(user);
  }

  @ModelAttribute("counties")
  Mono<Map<String, County>> counties(@AuthenticationPrincipal OidcUser user) {
    return user == null ? Mono.just(Map.of()) : counties.byCode().onErrorReturn(Map.of());
  }

  /** The CSRF token every form carries (Spring Security checks it on every POST). */
  @ModelAttribute("_csrf")
  Mono<CsrfToken> csrf(ServerWebExchange exchange) {
    Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
    return token == null ? Mono.empty() : token;
  }

  @ModelAttribute("grafana")
  String grafana() {
    return settings.grafana() == null ? null : settings.grafana().toString();
  }
}
