package org.shanhai.web.write;

/**
 * A resource as stored, with the fingerprint of the request that created it: a later request with
 * the same Idempotency-Key is a replay when its fingerprint is the same, a misuse of the key otherwise.
 * {@code requestHash} is null for what was created before fingerprints were kept.
 */
public record Stored<T>(T value, String requestHash) {
}
