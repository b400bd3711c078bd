package org.shanhai.projects.imports.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.shanhai.projects.imports.RowIssue;

/** The import's report says each issue in the console's Chinese words for its code. */
class WorkbooksTest {

  @Test
  void anIssueIsSaidInChineseByItsCode() {
    assertThat(Workbooks.say(issue("decreased", "cumulativeInvestment cannot go down from 40000000.00")))
        .isEqualTo("累计完成投资不能比上次报送的少。");
    assertThat(Workbooks.say(issue("same-report-date", "project p already has a report of 2026-03-31")))
        .startsWith("这个项目已有同一报告日期的报送");
  }

  @Test
  void anImportsOwnWordsComeBeforeAFormsForTheSameCode() {
    // A form asks for 万元; a file may be in 元 or 万元, and its words say so.
    assertThat(Workbooks.say(issue("absurd-amount", "plannedInvestment is implausibly large"))).contains("元还是万元");
  }

  @Test
  void aCodeWithoutWordsKeepsTheApisMessage() {
    assertThat(Workbooks.say(issue("no-such-code", "the API's own words"))).isEqualTo("the API's own words");
  }

  private static RowIssue issue(String code, String message) {
    return new RowIssue("cumulativeInvestment", "累计完成投资（元）", "E4", code, message);
  }
}
