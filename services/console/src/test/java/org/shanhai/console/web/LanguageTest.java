package org.shanhai.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpCookie;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

class LanguageTest {

  private final Language language = new Language();

  @Test
  void chineseUnlessEnglishWasChosenAndTheChoiceIsKept() {
    MockServerWebExchange fresh = MockServerWebExchange.from(MockServerHttpRequest.get("/")
        .header("Accept-Language", "en-US"));
    assertThat(language.resolveLocaleContext(fresh).getLocale()).isEqualTo(Language.CHINESE);

    MockServerWebExchange switching = MockServerWebExchange.from(MockServerHttpRequest.get("/?lang=en"));
    assertThat(language.resolveLocaleContext(switching).getLocale()).isEqualTo(Locale.ENGLISH);
    String kept = switching.getResponse().getCookies().getFirst(Language.COOKIE).getValue();

    MockServerWebExchange later = MockServerWebExchange.from(MockServerHttpRequest.get("/alerts")
        .cookie(new HttpCookie(Language.COOKIE, kept)));
    assertThat(language.resolveLocaleContext(later).getLocale()).isEqualTo(Locale.ENGLISH);
  }

  @Test
  void settingNoLanguageGoesBackToChinese() {
    MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/"));
    language.setLocaleContext(exchange, null);
    assertThat(exchange.getResponse().getCookies().getFirst(Language.COOKIE).getValue()).isEqualTo("zh-CN");
  }
}
