package org.shanhai.alerts.matcher;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.shanhai.alerts.rule.RuleId;
import org.shanhai.alerts.rule.Severity;
import org.shanhai.events.alerts.Alert;
import org.shanhai.events.value.CountyCode;
import org.shanhai.events.value.ProjectId;
import org.shanhai.web.access.Actor;
import org.shanhai.web.access.Forbidden;
import org.shanhai.web.validation.Violations;

/**
 * Label matchers, as in Alertmanager but by equality: an alert matches when, for every label
 * given, its value is one of those listed, and its severity is at least {@code minSeverity}. An
 * empty list matches anything. {@code county} is the mountain county, {@code partner} the partner
 * county, {@code anyCounty} either of the two. Used by subscriptions, silences and the SSE stream.
 */
public record Matchers(List<String> county, List<String> partner, List<String> anyCounty, List<String> pairing,
    List<String> project, List<String> kind, List<String> rule, Severity minSeverity) {

  static final int MAX_VALUES = 100;
  private static final Pattern COUNTY = Pattern.compile("[0-9]{6}");
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
  private static final Pattern KIND = Pattern.compile("[A-Z_]{1,40}");

  public static final Matchers ANY = new Matchers(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
      List.of(), null);

  /** What a client asks to match; every list is optional, nothing is trusted yet. */
  public record Selection(List<String> county, List<String> partner, List<String> anyCounty, List<String> pairing,
      List<String> project, List<String> kind, List<String> rule, Severity minSeverity) {
  }

  /** Validated matchers from {@code s} (null: match everything); problems go to {@code v} under {@code prefix}. */
  public static Matchers of(Selection s, String prefix, Violations v) {
    if (s == null) {
      return ANY;
    }
    return new Matchers(values(s.county(), prefix + "county", COUNTY, "six-digit GB/T 2260 codes", v),
        values(s.partner(), prefix + "partner", COUNTY, "six-digit GB/T 2260 codes", v),
        values(s.anyCounty(), prefix + "anyCounty", COUNTY, "six-digit GB/T 2260 codes", v),
        values(s.pairing(), prefix + "pairing", ID, "ids of letters, digits and '-'", v),
        values(s.project(), prefix + "project", ID, "ids of letters, digits and '-'", v),
        values(s.kind(), prefix + "kind", KIND, "project kinds such as INDUSTRIAL_ENCLAVE", v),
        rules(s.rule(), prefix + "rule", v), s.minSeverity());
  }

  public boolean selectsAll() {
    return county.isEmpty() && partner.isEmpty() && anyCounty.isEmpty() && pairing.isEmpty() && project.isEmpty()
        && kind.isEmpty() && rule.isEmpty() && minSeverity == null;
  }

  public boolean matches(Alert alert) {
    return matches(county, label(alert.mountainCounty())) && matches(partner, label(alert.partnerCounty()))
        && (anyCounty.isEmpty() || matches(anyCounty, label(alert.mountainCounty()))
            || matches(anyCounty, label(alert.partnerCounty())))
        && matches(pairing, alert.pairingId()) && matches(project, label(alert.projectId()))
        && matches(kind, alert.kind()) && matches(rule, alert.rule())
        && Severity.valueOf(alert.severity()).isAtLeast(minSeverity);
  }

  /**
   * These matchers as an officer who acts for {@code counties} may have them: every county they name
   * must be the officer's (403 otherwise), and when they name none, the officer's counties are filled
   * in as {@code anyCounty}, so only alerts of those counties match.
   */
  public Matchers confinedTo(Actor officer) {
    Set<String> theirs = officer.counties().stream().map(CountyCode::code).collect(Collectors.toSet());
    List<String> foreign = Stream.of(county, partner, anyCounty).flatMap(List::stream)
        .filter(code -> !theirs.contains(code)).distinct().sorted().toList();
    if (theirs.isEmpty() || !foreign.isEmpty()) {
      throw new Forbidden("county", "an officer's subscription matches only alerts of their counties; "
          + officer.name() + " acts for " + theirs.stream().sorted().toList() + (foreign.isEmpty() ? ""
              : ", not " + foreign));
    }
    if (!county.isEmpty() || !partner.isEmpty() || !anyCounty.isEmpty()) {
      return this;
    }
    return new Matchers(county, partner, theirs.stream().sorted().toList(), pairing, project, kind, rule, minSeverity);
  }

  private static String label(CountyCode county) {
    return county == null ? null : county.code();
  }

  private static String label(ProjectId project) {
    return project == null ? null : project.value();
  }

  private static boolean matches(List<String> allowed, String value) {
    return allowed.isEmpty() || (value != null && allowed.contains(value));
  }

  private static List<String> values(List<String> values, String field, Pattern pattern, String what, Violations v) {
    if (values == null) {
      return List.of();
    }
    v.check(values.size() <= MAX_VALUES, field, "too-many", field + " lists at most " + MAX_VALUES + " values");
    v.check(values.stream().allMatch(s -> s != null && pattern.matcher(s).matches()), field, "malformed",
        field + " lists " + what);
    return List.copyOf(values.stream().filter(s -> s != null).toList());
  }

  private static List<String> rules(List<String> values, String field, Violations v) {
    if (values == null) {
      return List.of();
    }
    v.check(values.stream().allMatch(s -> s != null && RuleId.byId(s).isPresent()), field, "unknown-value",
        field + " lists rule ids: " + Arrays.stream(RuleId.values()).map(RuleId::id).toList());
    return List.copyOf(values.stream().filter(s -> s != null).toList());
  }
}
