package org.shanhai.web.access;

import java.util.Set;

import org.shanhai.events.value.CountyCode;

/**
 * Who makes a request, as the verified token says: their name (recorded on every change they make
 * and carried in its events), their roles and, for an officer, the counties they act for. The
 * access rules are its methods, written once: each either returns or throws {@link Forbidden}.
 * Reading needs a role; writing needs the officer or province role; an officer writes only where one
 * of their counties is concerned; the province writes anywhere and alone administers.
 */
public record Actor(String name, Set<Role> roles, Set<CountyCode> counties) {

  public Actor {
    roles = Set.copyOf(roles);
    counties = Set.copyOf(counties);
  }

  public boolean isProvince() {
    return roles.contains(Role.PROVINCE);
  }

  /** Whether this user acts for {@code county}: the province for every county, an officer for theirs. */
  public boolean actsFor(CountyCode county) {
    return isProvince() || roles.contains(Role.OFFICER) && county != null && counties.contains(county);
  }

  /** Pairings, rules, silences, targets, the audit trail: the provincial task force's. */
  public void requireProvince(String what) {
    if (!isProvince()) {
      throw new Forbidden("role", what + " is for the provincial task force (role province)");
    }
  }

  /**
   * A write about a pairing, or a project, shareholding, payout or aid transfer under one: by the
   * province, or by an officer of its mountain or its partner county.
   */
  public void requireEitherSide(CountyCode mountain, CountyCode partner, String what) {
    requireWriter(what);
    if (!actsFor(mountain) && !actsFor(partner)) {
      throw new Forbidden("county", what + " concerns " + mountain + " and " + partner + "; " + name
          + " acts for " + describeCounties());
    }
  }

  /** A write about one county only (a village and its income): by the province or that county's officer. */
  public void requireCounty(CountyCode county, String what) {
    requireWriter(what);
    if (!actsFor(county)) {
      throw new Forbidden("county", what + " concerns " + county + "; " + name + " acts for " + describeCounties());
    }
  }

  /** Something one user made for themselves (a subscription): its owner's, and the province's. */
  public void requireOwner(String owner, String what) {
    requireWriter(what);
    if (!isProvince() && !name.equals(owner)) {
      throw new Forbidden("owner", what + " belongs to " + owner);
    }
  }

  /** Whether this user may see something one user made for themselves. */
  public boolean mayRead(String owner) {
    return isProvince() || name.equals(owner);
  }

  /** Any write: by the province or an officer, never a viewer. */
  public void requireWriter(String what) {
    if (!isProvince() && !roles.contains(Role.OFFICER)) {
      throw new Forbidden("role", what + " needs the officer or province role; " + name + " may only read");
    }
  }

  private String describeCounties() {
    return counties.isEmpty() ? "no county" : counties.stream().map(CountyCode::code).sorted().toList().toString();
  }
}
