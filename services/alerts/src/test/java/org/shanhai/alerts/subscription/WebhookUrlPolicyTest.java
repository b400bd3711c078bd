package org.shanhai.alerts.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class WebhookUrlPolicyTest {

  private static final WebhookUrlPolicy STRICT = WebhookUrlPolicy.allowing(List.of());

  @Test
  void refusesWhatIsNotHttpOrCarriesCredentials() {
    assertThat(STRICT.refusal("ftp://203.0.113.7/hook")).hasValueSatisfying(r -> assertThat(r).contains("http"));
    assertThat(STRICT.refusal("https://user:pass@203.0.113.7/hook"))
        .hasValueSatisfying(r -> assertThat(r).contains("credentials"));
    assertThat(STRICT.refusal("not a url")).isPresent();
  }

  @Test
  void refusesPrivateLoopbackAndLinkLocalAddresses() {
    for (String url : List.of("http://127.0.0.1:8080/x", "http://localhost/x", "http://10.1.2.3/x",
        "http://192.168.0.10/x", "http://172.16.5.5/x", "http://169.254.169.254/latest/meta-data", "http://[::1]/x",
        "http://[fd00::1]/x", "http://100.64.0.1/x", "http://0.0.0.0/x")) {
      assertThat(STRICT.refusal(url)).as(url).isPresent();
    }
  }

  @Test
  void acceptsPublicAddresses() {
    assertThat(STRICT.refusal("https://203.0.113.7/hooks/shanhai")).isEmpty();
    assertThat(STRICT.refusal("http://[2001:db8::1]:8443/hook")).isEmpty();
  }

  @Test
  void theAllowListLetsChosenHostsAndRangesThrough() {
    WebhookUrlPolicy local = WebhookUrlPolicy.allowing(List.of("localhost", "127.0.0.0/8", "::1/128", "10.20.0.0/16"));
    assertThat(local.refusal("http://localhost:8099/hook")).isEmpty();
    assertThat(local.refusal("http://127.0.0.5:8099/hook")).isEmpty();
    assertThat(local.refusal("http://[::1]:8099/hook")).isEmpty();
    assertThat(local.refusal("http://10.20.30.40/hook")).isEmpty();
    assertThat(local.refusal("http://10.21.0.1/hook")).isPresent();
  }
}
