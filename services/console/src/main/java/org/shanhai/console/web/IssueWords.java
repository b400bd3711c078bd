package org.shanhai.console.web;

import java.util.Locale;

import org.shanhai.texts.IssueTexts;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * An API's issue (a field error, an import's row or file issue, a warning) in the page's language
 * ({@code ${@issues.say(e.code, e.message, #locale)}} in the templates), found as the import's report
 * workbook finds it ({@link IssueTexts}); the API's own words for a code that has none.
 */
@Component("issues")
public class IssueWords {

  private final MessageSource messages;

  public IssueWords(MessageSource messages) {
    this.messages = messages;
  }

  public String say(String code, String message, Locale locale) {
    for (String key : IssueTexts.keysFor(code)) {
      String words = messages.getMessage(key, null, null, locale);
      if (words != null) {
        return words;
      }
    }
    return message;
  }
}
