package org.shanhai.console.web;

import java.time.Duration;
import java.util.Locale;

import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.i18n.LocaleContextResolver;

/**
 * The page language: Chinese unless the officer switched to English ({@code ?lang=en}, kept in a
 * cookie for a year). The browser's Accept-Language is not consulted: the console is for Zhejiang's
 * officers first, whatever language their phone is set to.
 */
@Component("localeContextResolver")
public class Language implements LocaleContextResolver {

  public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
  static final String COOKIE = "lang";
  static final String PARAMETER = "lang";

  @Override
  public LocaleContext resolveLocaleContext(ServerWebExchange exchange) {
    String asked = exchange.getRequest().getQueryParams().getFirst(PARAMETER);
    if (asked != null) {
      LocaleContext chosen = new SimpleLocaleContext(of(asked));
      setLocaleContext(exchange, chosen);
      return chosen;
    }
    HttpCookie kept = exchange.getRequest().getCookies().getFirst(COOKIE);
    return new SimpleLocaleContext(kept == null ? CHINESE : of(kept.getValue()));
  }

  /** Keeps the choice for a year; no choice (null) goes back to Chinese. */
  @Override
  public void setLocaleContext(ServerWebExchange exchange, LocaleContext localeContext) {
    Locale locale = localeContext == null || localeContext.getLocale() == null ? CHINESE
        : of(localeContext.getLocale().toLanguageTag());
    exchange.getResponse().addCookie(ResponseCookie.from(COOKIE, locale.toLanguageTag()).path("/")
        .maxAge(Duration.ofDays(365)).httpOnly(true).sameSite("Lax").build());
  }

  private static Locale of(String tag) {
    return tag.toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH : CHINESE;
  }
}
