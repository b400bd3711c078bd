package org.shanhai.console.signin;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * The signed-in user as the console sees them, from the provider's ID token: their name, roles and
 * counties. The console uses it only to decide what to offer; the services decide what is allowed,
 * from the access token, by the same rules ({@code Actor} in libs/web).
 *
 * @param counties the officer's counties (GB codes); empty for the province, which acts for every county
 */
public record Officer(String name, String displayName, Set<String> roles, List<String> counties) {

  public static final String OFFICER = "officer";
  public static final String PROVINCE = "province";

  /** Reads the claims the realm's console client puts into the ID token. */
  public static Officer of(OidcUser user) {
    String display = user.getFullName() != null ? user.getFullName() : user.getPreferredUsername();
    return new Officer(user.getPreferredUsername(), display, Set.copyOf(strings(user.getClaim("roles"))),
        List.copyOf(strings(user.getClaim("counties"))));
  }

  public boolean isProvince() {
    return roles.contains(PROVINCE);
  }

  public boolean isOfficer() {
    return roles.contains(OFFICER);
  }

  /**
   * The counties whose records their pages list: an officer's own; none, meaning every county, for
   * the province and for viewers (who read everything and write nothing).
   */
  public List<String> scope() {
    return isOfficer() && !isProvince() ? counties : List.of();
  }

  /** Whether they may write for a record of a pairing between these counties (a project, its payouts). */
  public boolean actsForEither(String mountainCounty, String partnerCounty) {
    return isProvince() || isOfficer() && (counties.contains(mountainCounty) || counties.contains(partnerCounty));
  }

  /** Whether they may write for a record of one county (a village). */
  public boolean actsFor(String county) {
    return isProvince() || isOfficer() && counties.contains(county);
  }

  private static Collection<String> strings(Object claim) {
    if (claim instanceof Collection<?> values) {
      return values.stream().map(String::valueOf).toList();
    }
    return claim == null ? List.of() : List.of(String.valueOf(claim));
  }
}
