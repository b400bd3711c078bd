package org.shanhai.alerts.alert;

/** The filters of the alert list; null means any. Every value was checked against its pattern or enum first. */
public record AlertQuery(AlertState state, String rule, Severity severity, String county, String partner,
    String pairing, String project) {
}
