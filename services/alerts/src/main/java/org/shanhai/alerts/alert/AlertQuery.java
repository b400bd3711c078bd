package org.shanhai.alerts.alert;

import org.shanhai.alerts.rule.Severity;
import org.shanhai.events.value.CountyCode;
import org.shanhai.events.value.ProjectId;

/** The filters of the alert list; null means any. Every value was checked against its pattern or enum first. */
public record AlertQuery(AlertState state, String rule, Severity severity, CountyCode county, CountyCode partner,
    String pairing, ProjectId project) {
}
