package org.shanhai.alerts;

/**
 * Why a delivery FAILED or was SUPPRESSED, or why a subscription is off: {@code code} for programs and for
 * the console to say in its officers' language, {@code detail} the particulars in English (which silence,
 * how many attempts, who turned it off, when). The codes are the types' own ({@code Delivery},
 * {@code Subscription}).
 */
public record Reason(String code, String detail) {
}
