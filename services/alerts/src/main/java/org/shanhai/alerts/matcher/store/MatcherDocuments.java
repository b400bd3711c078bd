package org.shanhai.alerts.matcher.store;

import java.util.List;

import org.bson.Document;
import org.shanhai.alerts.matcher.Matchers;
import org.shanhai.alerts.rule.Severity;

/** How label matchers are stored, for every store that keeps them (subscriptions, silences). */
public final class MatcherDocuments {

  private MatcherDocuments() {
  }

  public static Document toDocument(Matchers m) {
    return new Document("county", m.county()).append("partner", m.partner()).append("anyCounty", m.anyCounty())
        .append("pairing", m.pairing())
        .append("project", m.project()).append("kind", m.kind()).append("rule", m.rule())
        .append("minSeverity", m.minSeverity() == null ? null : m.minSeverity().name());
  }

  public static Matchers fromDocument(Document d) {
    return new Matchers(d.getList("county", String.class), d.getList("partner", String.class),
        // Stored before anyCounty existed: none.
        d.getList("anyCounty", String.class, List.of()), d.getList("pairing", String.class),
        d.getList("project", String.class), d.getList("kind", String.class),
        d.getList("rule", String.class),
        d.getString("minSeverity") == null ? null : Severity.valueOf(d.getString("minSeverity")));
  }
}
