package org.shanhai.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.shanhai.console.api.Problem;
import org.shanhai.console.api.Problem.FieldError;
import org.shanhai.texts.IssueTexts;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.thymeleaf.context.Context;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.linkbuilder.StandardLinkBuilder;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** The pages' words: in both languages alike, and a form's refusal read in the page's language. */
class MessagesTest {

  /** The words of the APIs' codes, shared with the projects service (libs/texts). */
  private static final String ISSUES = IssueTexts.BUNDLE;

  @Test
  void chineseAndEnglishHaveTheSameKeys() throws IOException {
    assertThat(keys("messages_en.properties")).isEqualTo(keys("messages.properties"));
    assertThat(keys(ISSUES + "_en.properties")).isEqualTo(keys(ISSUES + ".properties"));
  }

  @Test
  void aFormsNoticeSaysInChineseWhatHasNoFieldOfItsOwn() {
    Map<String, FieldError> errors = new LinkedHashMap<>();
    errors.put("amount", new FieldError("amount", "zero", "amount must be more than zero"));
    errors.put(Problem.FORM, new FieldError("payout", "already-paid", "the 2024 payout is paid in full"));

    String notice = notice(errors, Language.CHINESE);

    assertThat(notice).contains("有 1 处需要更正").contains("这一年的分红已经付清，不能再记兑付。")
        .doesNotContain("paid in full");
    assertThat(notice(Map.of(Problem.FORM, new FieldError(null, "form.error.not-saved", "the body is not JSON")),
        Language.CHINESE)).doesNotContain("处需要更正").contains("没有保存").doesNotContain("JSON");
    assertThat(notice(errors, Locale.ENGLISH)).contains("1 field(s) need correcting")
        .contains("payout is paid in full; no more payments can be recorded");
  }

  @Test
  void anErrorNoPageHandledIsShownOnTheRefusalPageInChinese() {
    String serviceDown = engine().process("error/5xx", new Context(Language.CHINESE, Map.of("status", 500)));
    String noSuchPage = engine().process("error/4xx", new Context(Language.CHINESE, Map.of("status", 404)));

    assertThat(serviceDown).containsOnlyOnce("<!DOCTYPE html>").contains("暂时无法完成").contains("回到首页");
    assertThat(noSuchPage).contains("找不到这一页");
  }

  private static String notice(Map<String, FieldError> errors, Locale locale) {
    return engine().process("layout", Set.of("formNotice"), new Context(locale, Map.of("e", errors)));
  }

  private static SpringTemplateEngine engine() {
    ClassLoaderTemplateResolver templates = new ClassLoaderTemplateResolver();
    templates.setPrefix("templates/");
    templates.setSuffix(".html");
    templates.setCharacterEncoding("UTF-8");
    ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    messages.setBasenames("messages", ISSUES);
    messages.setDefaultEncoding("UTF-8");
    messages.setFallbackToSystemLocale(false);
    SpringTemplateEngine engine = new SpringTemplateEngine();
    engine.setTemplateResolver(templates);
    engine.setTemplateEngineMessageSource(messages);
    // Outside a web request links have no context path to start from; the console's is the root.
    engine.setLinkBuilder(new StandardLinkBuilder() {
      @Override
      protected String computeContextPath(IExpressionContext context, String base, Map<String, Object> parameters) {
        return "";
      }
    });
    return engine;
  }

  private static Set<Object> keys(String file) throws IOException {
    Properties properties = new Properties();
    try (var in = new InputStreamReader(MessagesTest.class.getClassLoader().getResourceAsStream(file),
        StandardCharsets.UTF_8)) {
      properties.load(in);
    }
    return properties.keySet();
  }
}
