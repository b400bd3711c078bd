package org.shanhai.alerts.delivery.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class WebhookSenderTest {

  private static final Instant T0 = Instant.parse("2021-07-01T02:30:00Z");

  @Test
  void retryAfterIsReadInSecondsOrAsAnHttpDate() {
    assertThat(WebhookSender.retryAfter("120", T0)).isEqualTo(Duration.ofSeconds(120));
    assertThat(WebhookSender.retryAfter("Thu, 01 Jul 2021 02:31:30 GMT", T0)).isEqualTo(Duration.ofSeconds(90));
    assertThat(WebhookSender.retryAfter("soon", T0)).isNull();
    assertThat(WebhookSender.retryAfter(null, T0)).isNull();
  }
}
