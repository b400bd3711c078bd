package org.shanhai.projects.pairing.web;

import org.shanhai.projects.pairing.PairingRegistration;

/** {@code POST /api/v1/pairings}: two counties by GB/T code and the years the pairing runs ({@code until} null while it runs). */
record RegisterPairingRequest(String mountainCounty, String partnerCounty, Integer since, Integer until) {

  PairingRegistration toCommand() {
    return new PairingRegistration(mountainCounty, partnerCounty, since, until);
  }
}
