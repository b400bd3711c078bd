package org.shanhai.alerts.rule;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;


/** The rules, with their ids in the API and on the wire, default severities and parameters. */
public enum RuleId {
  /** An active project without an update for {@code days} days. */
  PROJECT_STALLED("project-stalled", Severity.WARNING, Map.of("days", "90")),
  /** Completed investment below {@code percent}% of the plan's cumulative amount at the latest plan date passed. */
  INVESTMENT_BEHIND_PLAN("investment-behind-plan", Severity.WARNING, Map.of("percent", "70")),
  /** A project suspended (停工) or cancelled. */
  PROJECT_SUSPENDED("project-suspended", Severity.WARNING, Map.of()),
  /** The latest accepted update carries validation warnings. */
  UPDATE_WARNINGS("update-warnings", Severity.INFO, Map.of()),
  /** A payout nothing was paid on by its due date plus the grace period. */
  PAYOUT_OVERDUE("payout-overdue", Severity.CRITICAL, Map.of()),
  /** A payout past its due date with less paid than guaranteed. */
  PAYOUT_SHORT("payout-short", Severity.WARNING, Map.of()),
  /** A village's latest reported income is under {@code threshold} yuan (集体经济薄弱村). */
  WEAK_VILLAGE("weak-village", Severity.WARNING, Map.of("threshold", "100000.00")),
  /** This year's investment, projected linearly to the year end, below the annual target; judged from {@code from} (MM-dd). */
  ANNUAL_TARGET_AT_RISK("annual-target-at-risk", Severity.WARNING, Map.of("from", "04-01"));

  private final String id;
  private final Severity defaultSeverity;
  private final Map<String, String> defaultParams;

  RuleId(String id, Severity defaultSeverity, Map<String, String> defaultParams) {
    this.id = id;
    this.defaultSeverity = defaultSeverity;
    this.defaultParams = defaultParams;
  }

  public String id() {
    return id;
  }

  public Severity defaultSeverity() {
    return defaultSeverity;
  }

  public Map<String, String> defaultParams() {
    return defaultParams;
  }

  public static Optional<RuleId> byId(String id) {
    return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
  }
}
