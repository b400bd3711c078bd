package org.shanhai.alerts.rule;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Every rule's current setting; a rule nobody changed has its defaults. */
public record RuleBook(Map<RuleId, RuleConfig> configs) {

  public static RuleBook of(List<RuleConfig> stored) {
    Map<RuleId, RuleConfig> configs = new EnumMap<>(RuleId.class);
    for (RuleId rule : RuleId.values()) {
      configs.put(rule, RuleConfig.defaults(rule));
    }
    stored.forEach(c -> configs.put(c.rule(), c));
    return new RuleBook(Map.copyOf(configs));
  }

  public RuleConfig of(RuleId rule) {
    return configs.get(rule);
  }

  public boolean isOn(RuleId rule) {
    return configs.get(rule).enabled();
  }
}
