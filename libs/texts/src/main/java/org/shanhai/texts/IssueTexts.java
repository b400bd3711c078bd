package org.shanhai.texts;

import java.util.List;

/**
 * Where the words of an API's issue code are found in the bundle {@value #BUNDLE} (issues.properties,
 * Chinese; issues_en.properties, English), in one order for every place that says them: the console's
 * pages and the import's report workbook.
 */
public final class IssueTexts {

  /** The bundle's base name, as a class-path resource path and a message source's basename. */
  public static final String BUNDLE = "org/shanhai/texts/issues";

  private IssueTexts() {
  }

  /** The keys to try, first found wins: an import's own words for the code, a field error's, a warning's. */
  public static List<String> keysFor(String code) {
    return List.of("import.error." + code, "api.error." + code, "warning." + code + ".long");
  }
}
