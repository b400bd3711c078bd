package org.shanhai.projects.pairing.web;

/** {@code POST /api/v1/pairings/{id}/end}: the last year of a running pairing, {@code {"until": 2020}}. */
record EndPairingRequest(Integer until) {
}
