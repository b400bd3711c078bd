package org.shanhai.alerts.silence.web;

import java.time.Instant;

import org.shanhai.alerts.matcher.web.MatchersRequest;
import org.shanhai.alerts.silence.Silence;

/** {@code POST /api/v1/silences}: which alerts to hold back from notification, from when (now by default) until when, and why. */
record CreateSilenceRequest(MatchersRequest matchers, Instant startsAt, Instant endsAt, String comment) {

  Silence.Order toCommand() {
    return new Silence.Order(matchers == null ? null : matchers.toSelection(), startsAt, endsAt, comment);
  }
}
