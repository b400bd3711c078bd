package org.shanhai.events.alerts;

import java.time.Instant;
import java.util.Map;

import org.shanhai.events.value.CountyCode;
import org.shanhai.events.value.ProjectId;

/**
 * An alert as it stands after the fact that an event reports: which rule found what about which
 * subject, the labels subscribers route on (counties by GB/T code, pairing, project, project kind),
 * and the evidence as decimal strings. {@code fingerprint} is stable for one rule and subject;
 * {@code alertId} names one occurrence of it.
 */
public record Alert(
    String alertId,
    String fingerprint,
    String rule,
    String severity,
    String state,
    String subjectType,
    String subjectId,
    CountyCode mountainCounty,
    CountyCode partnerCounty,
    String pairingId,
    ProjectId projectId,
    String kind,
    String summary,
    Map<String, String> evidence,
    Instant activeSince,
    Instant firedAt) {

  /** The Kafka key: the project wherever there is one, so an alert stays in order with its project's facts. */
  String key() {
    return projectId != null ? projectId.value() : subjectId;
  }
}
