package org.shanhai.payouts.projection;

import org.shanhai.events.projects.PairingEnded;
import org.shanhai.events.projects.PairingRegistered;
import org.shanhai.events.projects.ProjectEvent;
import org.shanhai.events.value.CountyCode;

/** A pairing as the payouts service knows it from the projects service's events; {@code until} null while it runs. */
public record PairingView(String pairingId, CountyCode mountainCounty, CountyCode partnerCounty, int since,
    Integer until) {

  /** The view after {@code event} (a registration or an end); each carries the whole pairing. */
  static PairingView fold(PairingView current, ProjectEvent event) {
    if (event instanceof PairingRegistered r) {
      return new PairingView(r.pairingId(), r.mountainCounty(), r.partnerCounty(), r.since(), r.until());
    }
    if (event instanceof PairingEnded e) {
      return new PairingView(e.pairingId(), e.mountainCounty(), e.partnerCounty(), e.since(), e.until());
    }
    throw new IllegalArgumentException("not a pairing event: " + event.type());
  }
}
