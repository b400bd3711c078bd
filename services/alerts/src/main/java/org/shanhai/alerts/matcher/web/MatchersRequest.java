package org.shanhai.alerts.matcher.web;

import java.util.List;

import org.shanhai.alerts.matcher.Matchers;
import org.shanhai.alerts.rule.Severity;

/**
 * Label matchers as a client sends them (in a subscription or a silence): for each label, the values
 * it may have ({@code county} the mountain county, {@code partner} the partner county,
 * {@code anyCounty} either); {@code minSeverity}, the least severity. Every part is optional.
 */
public record MatchersRequest(List<String> county, List<String> partner, List<String> anyCounty, List<String> pairing,
    List<String> project, List<String> kind, List<String> rule, Severity minSeverity) {

  public Matchers.Selection toSelection() {
    return new Matchers.Selection(county, partner, anyCounty, pairing, project, kind, rule, minSeverity);
  }
}
