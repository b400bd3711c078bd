package org.shanhai.console.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SubscriptionFormTest {

  @Test
  void theAddressTheEmptyFormStartsWithIsNoAddress() {
    assertThat(SubscriptionForm.empty().url()).isEqualTo("https://");

    assertThat(form(" https:// ").toSubscription().channel()).containsEntry("url", null);
    assertThat(form("").toSubscription().channel()).containsEntry("url", null);
    assertThat(form(" https://hooks.example.cn/shanhai ").toSubscription().channel())
        .containsEntry("url", "https://hooks.example.cn/shanhai");
  }

  private static SubscriptionForm form(String url) {
    return new SubscriptionForm("常山县发改局值班群", url, "WARNING", null, "key-1");
  }
}
