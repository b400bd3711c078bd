package org.shanhai.console.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.api.Test;

class BackchannelTest {

  @Test
  void callsThePublishedEndpointAtTheInternalAddress() {
    assertThat(Backchannel.internal("http://localhost:8180/realms/shanhai/protocol/openid-connect/token",
        URI.create("http://keycloak:8180/realms/shanhai")))
        .isEqualTo("http://keycloak:8180/realms/shanhai/protocol/openid-connect/token");
    assertThat(Backchannel.internal("https://id.zj.example/realms/shanhai/protocol/openid-connect/certs",
        URI.create("http://keycloak.identity.svc:8080/realms/shanhai")))
        .isEqualTo("http://keycloak.identity.svc:8080/realms/shanhai/protocol/openid-connect/certs");
  }
}
