package org.shanhai.alerts.rule.web;

import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.shanhai.alerts.rule.RuleConfig;
import org.shanhai.alerts.rule.Severity;

/** {@code PUT /api/v1/rules/{id}}: every field is optional; absent ones keep their value. */
record ChangeRuleRequest(Boolean enabled, Severity severity, @JsonProperty("for") Duration forDuration,
    Duration escalateAfter, Boolean escalate, Map<String, String> params) {

  RuleConfig.Change toCommand() {
    return new RuleConfig.Change(enabled, severity, forDuration, escalateAfter, escalate, params);
  }
}
