package org.shanhai.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.shanhai.texts.IssueTexts;
import org.springframework.context.support.ResourceBundleMessageSource;

class IssueWordsTest {

  private final IssueWords issues = new IssueWords(messages());

  @Test
  void anImportsWordsComeFirstThenAFieldErrorsThenAWarningsThenTheApisOwn() {
    assertThat(issues.say("absurd-amount", "too large", Language.CHINESE)).contains("元还是万元");
    assertThat(issues.say("decreased", "cannot go down", Language.CHINESE)).isEqualTo("累计完成投资不能比上次报送的少。");
    assertThat(issues.say("above-plan", "over the plan", Language.CHINESE)).isEqualTo("累计完成投资已超过计划投资。");
    assertThat(issues.say("no-such-code", "the API's words", Language.CHINESE)).isEqualTo("the API's words");
    assertThat(issues.say("decreased", "cannot go down", Locale.ENGLISH)).isEqualTo(
        "Cumulative investment cannot be less than last reported.");
  }

  private static ResourceBundleMessageSource messages() {
    ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    messages.setBasenames(IssueTexts.BUNDLE);
    messages.setDefaultEncoding("UTF-8");
    messages.setFallbackToSystemLocale(false);
    return messages;
  }
}
