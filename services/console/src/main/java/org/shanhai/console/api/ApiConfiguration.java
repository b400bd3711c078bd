package org.shanhai.console.api;

import org.shanhai.console.ConsoleProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.web.reactive.function.client.ServerOAuth2AuthorizedClientExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClient;

/** The three services' APIs, each called with the signed-in officer's access token. */
@Configuration(proxyBeanMethods = false)
class ApiConfiguration {

  @Bean
  ProjectsApi projectsApi(WebClient.Builder builder, ServerOAuth2AuthorizedClientExchangeFilterFunction token,
      ConsoleProperties settings) {
    return new ProjectsApi(new ServiceApi(builder.clone().filter(token), settings.projects()));
  }

  @Bean
  ImportsApi importsApi(WebClient.Builder builder, ServerOAuth2AuthorizedClientExchangeFilterFunction token,
      ConsoleProperties settings) {
    return new ImportsApi(new ServiceApi(builder.clone().filter(token), settings.projects()));
  }

  @Bean
  PayoutsApi payoutsApi(WebClient.Builder builder, ServerOAuth2AuthorizedClientExchangeFilterFunction token,
      ConsoleProperties settings) {
    return new PayoutsApi(new ServiceApi(builder.clone().filter(token), settings.payouts()));
  }

  @Bean
  AlertsApi alertsApi(WebClient.Builder builder, ServerOAuth2AuthorizedClientExchangeFilterFunction token,
      ConsoleProperties settings) {
    return new AlertsApi(new ServiceApi(builder.clone().filter(token), settings.alerts()));
  }
}
