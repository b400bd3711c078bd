package org.shanhai.alerts.rule;

import java.util.Map;

/** What a rule found wrong about a subject: a sentence for people and the figures behind it, as strings. */
public record Finding(String summary, Map<String, String> evidence) {

  public Finding {
    evidence = Map.copyOf(evidence);
  }
}
