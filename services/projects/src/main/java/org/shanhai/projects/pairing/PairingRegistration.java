package org.shanhai.projects.pairing;

/** What an officer asks for when registering a pairing; any field may be missing until validated. */
public record PairingRegistration(String mountainCounty, String partnerCounty, Integer since, Integer until) {
}
