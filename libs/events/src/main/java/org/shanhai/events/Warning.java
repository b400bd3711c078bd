package org.shanhai.events;

/**
 * A validation warning: the input was accepted, but somebody should look at it (DHIS2's
 * "warning" severity). {@code code} is stable and machine-readable; {@code message} is for people.
 */
public record Warning(String code, String field, String message) {
}
