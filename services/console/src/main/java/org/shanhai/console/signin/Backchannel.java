package org.shanhai.console.signin;

import java.net.URI;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * For a console that reaches the identity provider at another address than browsers do (docker-compose:
 * browsers at {@code localhost:8180}, the console at {@code keycloak:8180}), set
 * {@code shanhai.console.identity-backchannel} to the realm's internal address. The discovery document
 * is then read there; its issuer must be the configured {@code issuer-uri}; the endpoints the console
 * calls itself (token, keys, user info) are taken at the internal address, those the browser is sent
 * to (sign-in, sign-out) stay as published. Without the setting, Spring Boot reads the discovery
 * document at the issuer as usual.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("shanhai.console.identity-backchannel")
@EnableConfigurationProperties(OAuth2ClientProperties.class)
class Backchannel {

  static final String REGISTRATION = "shanhai";

  @Bean
  ReactiveClientRegistrationRepository clientRegistrations(OAuth2ClientProperties properties,
      @Value("${shanhai.console.identity-backchannel}") URI backchannel) {
    OAuth2ClientProperties.Registration client = properties.getRegistration().get(REGISTRATION);
    OAuth2ClientProperties.Provider provider = properties.getProvider().get(REGISTRATION);
    Map<String, Object> metadata = RestClient.create().get()
        .uri(backchannel + "/.well-known/openid-configuration").retrieve()
        .body(new ParameterizedTypeReference<Map<String, Object>>() { });
    String issuer = String.valueOf(metadata.get("issuer"));
    if (!issuer.equals(provider.getIssuerUri())) {
      throw new IllegalStateException("the provider at " + backchannel + " issues tokens as " + issuer
          + ", not as the configured issuer-uri " + provider.getIssuerUri());
    }
    return new InMemoryReactiveClientRegistrationRepository(ClientRegistration.withRegistrationId(REGISTRATION)
        .clientId(client.getClientId())
        .clientSecret(client.getClientSecret())
        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
        .redirectUri(client.getRedirectUri())
        .scope(client.getScope())
        .issuerUri(issuer)
        .authorizationUri(String.valueOf(metadata.get("authorization_endpoint")))
        .tokenUri(internal(metadata.get("token_endpoint"), backchannel))
        .jwkSetUri(internal(metadata.get("jwks_uri"), backchannel))
        .userInfoUri(internal(metadata.get("userinfo_endpoint"), backchannel))
        .userNameAttributeName(provider.getUserNameAttribute())
        .providerConfigurationMetadata(metadata)
        .build());
  }

  /** A published endpoint at the internal address: the same path, the backchannel's scheme, host and port. */
  static String internal(Object published, URI backchannel) {
    return UriComponentsBuilder.fromUriString(String.valueOf(published)).scheme(backchannel.getScheme())
        .host(backchannel.getHost()).port(backchannel.getPort()).toUriString();
  }
}
