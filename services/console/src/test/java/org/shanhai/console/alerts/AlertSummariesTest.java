package org.shanhai.console.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Period;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.shanhai.console.ConsoleProperties;
import org.shanhai.console.api.AlertsApi.Alert;
import org.shanhai.console.web.Labels;
import org.shanhai.console.web.Language;
import org.springframework.context.support.ResourceBundleMessageSource;

class AlertSummariesTest {

  private final AlertSummaries summaries = new AlertSummaries(messages(), new Labels(new ConsoleProperties(null, null,
      null, null, Period.ofMonths(1), ZoneId.of("Asia/Shanghai"), 300)));

  @Test
  void saysWhatAPayoutRuleFoundInChineseWithAmountsAsOfficersSayThem() {
    Alert overdue = alert("payout-overdue", Map.of("year", "2024", "dueDate", "2025-03-31",
        "guaranteedAmount", "120000.00", "paidAmount", "0.00", "shortfall", "120000.00"));

    assertThat(summaries.of(overdue, Language.CHINESE)).isEqualTo("2024 年的保底收益 12万元 已于 2025-03-31 到期，至今分文未付。");
    assertThat(summaries.of(overdue, Locale.ENGLISH))
        .isEqualTo("The 2024 guaranteed return of ¥120,000 was due on 2025-03-31 and nothing has been paid.");
  }

  @Test
  void namesAStatusInWordsAndLeavesOutADateTheEvidenceDoesNotHave() {
    assertThat(summaries.of(alert("project-suspended", Map.of("status", "SUSPENDED", "since", "2026-05-01")),
        Language.CHINESE)).isEqualTo("项目自 2026-05-01 起处于“停工”状态。");
    assertThat(summaries.of(alert("project-suspended", Map.of("status", "CANCELLED")), Language.CHINESE))
        .isEqualTo("项目处于“已取消”状态。");
  }

  @Test
  void leavesTheServicesOwnSummaryForARuleOrFigureItDoesNotKnow() {
    assertThat(summaries.of(alert("a-rule-from-a-newer-service", Map.of()), Language.CHINESE)).isNull();
    assertThat(summaries.of(alert("project-stalled", Map.of("daysWithoutUpdate", "120")), Language.CHINESE)).isNull();
    assertThat(summaries.of(alert("weak-village", Map.of("year", "2024", "income", "八万", "threshold", "100000.00")),
        Language.CHINESE)).isNull();
  }

  private static Alert alert(String rule, Map<String, String> evidence) {
    return new Alert("a1", rule, "WARNING", "FIRING", "in English", "330822", "330282", null, null, "s1", evidence,
        null, null, null, null, null, null, null);
  }

  private static ResourceBundleMessageSource messages() {
    ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    messages.setBasename("messages");
    messages.setDefaultEncoding("UTF-8");
    messages.setFallbackToSystemLocale(false);
    return messages;
  }
}
