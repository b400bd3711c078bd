package org.shanhai.projects.pairing.web;

import java.time.Clock;
import java.time.Instant;

import org.shanhai.events.value.CountyCode;
import org.shanhai.projects.pairing.Pairing;

/** A pairing as the API shows it; {@code active} is whether it runs this year. */
record PairingResponse(
    String id,
    CountyCode mountainCounty,
    CountyCode partnerCounty,
    int since,
    Integer until,
    boolean active,
    String registeredBy,
    Instant registeredAt,
    String endedBy,
    Instant endedAt) {

  static PairingResponse of(Pairing p, Clock clock) {
    return new PairingResponse(p.id(), p.mountainCounty(), p.partnerCounty(), p.since(), p.until(),
        p.isActive(clock), p.registeredBy(), p.registeredAt(), p.endedBy(), p.endedAt());
  }
}
