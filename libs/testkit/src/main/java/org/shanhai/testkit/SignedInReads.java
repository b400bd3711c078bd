package org.shanhai.testkit;

import org.springframework.boot.webtestclient.autoconfigure.WebTestClientBuilderCustomizer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.ClientRequest;

/**
 * The services' test clients read as the realm's viewer (a fresh token per request) when a request
 * says nobody; writes always say who makes them, with {@link TestIssuer#bearer}. Imported by each
 * service's test annotation.
 */
public class SignedInReads implements WebTestClientBuilderCustomizer {

  @Override
  public void customize(WebTestClient.Builder builder) {
    builder.filter((request, next) -> {
      boolean read = request.method() == HttpMethod.GET || request.method() == HttpMethod.HEAD;
      if (!read || request.headers().containsHeader(HttpHeaders.AUTHORIZATION)) {
        return next.exchange(request);
      }
      return next.exchange(ClientRequest.from(request)
          .header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer("viewer")).build());
    });
  }
}
