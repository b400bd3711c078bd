package org.shanhai.payouts.projection;

/** A pairing as the payouts service knows it from the projects service's events; {@code until} null while it runs. */
public record PairingView(String pairingId, String mountainCounty, String partnerCounty, int since, Integer until) {
}
