package org.shanhai.payouts.village;

/** What an officer sends to register a village collective; nothing is trusted yet. */
public record VillageRegistration(String name, String county, String township) {
}
