package org.shanhai.console.alerts;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.shanhai.console.api.AlertsApi.Alert;
import org.shanhai.console.web.Labels;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What an alert found, in the officer's language: the alerts service writes its summaries in English,
 * so the pages say it again from the alert's evidence, figure by figure ({@code alert.summary.<rule>}
 * with the figures below as its arguments, amounts the way officers say them).
 */
@Component("alertSummaries")
public class AlertSummaries {

  /** Each rule's evidence, in the order of its message's arguments. */
  private static final Map<String, List<String>> FIGURES = Map.of(
      "project-stalled", List.of("daysWithoutUpdate", "lastHeardOf", "allowedDays"),
      "investment-behind-plan", List.of("completed", "percentOfPlan", "planned", "planDate", "minimumPercent"),
      "project-suspended", List.of("status", "since"),
      "update-warnings", List.of("reportDate"),
      "payout-overdue", List.of("year", "dueDate", "guaranteedAmount"),
      "payout-short", List.of("year", "paidAmount", "guaranteedAmount", "shortfall", "dueDate"),
      "weak-village", List.of("year", "income", "threshold"),
      "annual-target-at-risk", List.of("year", "invested", "projected", "target"));

  private static final Set<String> AMOUNTS = Set.of("completed", "planned", "guaranteedAmount", "paidAmount",
      "shortfall", "income", "threshold", "invested", "projected", "target");

  private final MessageSource messages;
  private final Labels labels;

  public AlertSummaries(MessageSource messages, Labels labels) {
    this.messages = messages;
    this.labels = labels;
  }

  /**
   * The alert's finding in {@code locale}, or null when its rule or a figure is not known here (a rule
   * newer than the console, an amount it cannot read): the page then shows the service's own summary.
   */
  public String of(Alert alert, Locale locale) {
    try {
      return said(alert, locale);
    } catch (NumberFormatException unreadable) {
      return null;
    }
  }

  private String said(Alert alert, Locale locale) {
    List<String> names = FIGURES.get(alert.rule());
    if (names == null) {
      return null;
    }
    String key = "alert.summary." + alert.rule();
    Object[] figures = new Object[names.size()];
    for (int i = 0; i < figures.length; i++) {
      String value = alert.evidence().get(names.get(i));
      if (value == null && names.get(i).equals("since")) {
        key = key + ".undated";
      } else if (value == null) {
        return null;
      } else {
        figures[i] = figure(names.get(i), value, locale);
      }
    }
    return messages.getMessage(key, figures, null, locale);
  }

  private Object figure(String name, String value, Locale locale) {
    if (AMOUNTS.contains(name)) {
      return labels.yuan(new BigDecimal(value), locale);
    }
    if (name.equals("status")) {
      return messages.getMessage("status." + value, null, value, locale);
    }
    return value;
  }
}
