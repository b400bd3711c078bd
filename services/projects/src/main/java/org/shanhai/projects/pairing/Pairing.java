package org.shanhai.projects.pairing;

import java.time.Clock;
import java.time.Instant;
import java.time.Year;

import org.shanhai.events.projects.PairingEnded;
import org.shanhai.events.projects.PairingRegistered;
import org.shanhai.events.value.CountyCode;
import org.shanhai.projects.county.Counties;
import org.shanhai.projects.county.CountySide;
import org.shanhai.web.validation.Conflict;
import org.shanhai.web.validation.Violations;

/**
 * A mountain county paired with a partner county (结对), from {@code since} until {@code until}
 * (inclusive years; null while it runs). Pairings are many-to-many and can end: 临平 was split out of
 * 余杭 in 2021, so 柯城's pairing with 余杭 ended and one with 临平 began. Years are Zhejiang's: the
 * clock passed in is in the configured zone.
 */
public record Pairing(
    String id,
    CountyCode mountainCounty,
    CountyCode partnerCounty,
    int since,
    Integer until,
    long sequence,
    String registeredBy,
    Instant registeredAt,
    String endedBy,
    Instant endedAt) {

  /** The programme began with the 八八战略 in 2003; no pairing is older. */
  public static final int FIRST_YEAR = 2003;

  /** A validated registration and the event it publishes. */
  public record Registered(Pairing pairing, PairingRegistered event) {
  }

  /** Validates {@code registration}; the caller checks it does not overlap an existing pairing of the same counties. */
  public static Registered register(String id, PairingRegistration registration, Counties counties, String user,
      Clock clock) {
    int thisYear = Year.now(clock).getValue();
    Violations violations = new Violations()
        .required("mountainCounty", registration.mountainCounty())
        .required("partnerCounty", registration.partnerCounty())
        .required("since", registration.since());
    if (registration.mountainCounty() != null && !counties.isOn(registration.mountainCounty(), CountySide.MOUNTAIN)) {
      violations.add("mountainCounty", "not-a-mountain-county",
          registration.mountainCounty() + " is not one of the 26 mountain counties (GB/T 2260 code)");
    }
    if (registration.partnerCounty() != null && !counties.isOn(registration.partnerCounty(), CountySide.PARTNER)) {
      violations.add("partnerCounty", "not-a-partner-county",
          registration.partnerCounty() + " is not a known partner county (GB/T 2260 code)");
    }
    Integer since = registration.since();
    if (since != null && (since < FIRST_YEAR || since > thisYear)) {
      violations.add("since", "out-of-range", "since must be a year from " + FIRST_YEAR + " to " + thisYear);
    }
    Integer until = registration.until();
    if (until != null && since != null && until < since) {
      violations.add("until", "before-since", "until must not be before since");
    }
    if (until != null && until > thisYear) {
      violations.add("until", "future", "until is the last year the pairing ran; it cannot be after " + thisYear);
    }
    violations.throwIfAny();

    Instant now = clock.instant();
    Pairing pairing = new Pairing(id, CountyCode.of(registration.mountainCounty()),
        CountyCode.of(registration.partnerCounty()), since, until, 1, user, now, until == null ? null : user,
        until == null ? null : now);
    return new Registered(pairing, new PairingRegistered(id, 1, pairing.mountainCounty(), pairing.partnerCounty(),
        since, until, user, now));
  }

  /** A running pairing after it was ended, and the event that says so. */
  public record Ended(Pairing pairing, PairingEnded event) {
  }

  /**
   * Ends a running pairing after {@code until} (its last year). Ending it again with the same year
   * changes nothing (null); another year, or a pairing that already ended otherwise, is refused.
   */
  public Ended end(Integer lastYear, String user, Clock clock) {
    int thisYear = Year.now(clock).getValue();
    Violations violations = new Violations().required("until", lastYear);
    if (lastYear != null && lastYear < since) {
      violations.add("until", "before-since", "until must not be before since (" + since + ")");
    }
    if (lastYear != null && lastYear > thisYear) {
      violations.add("until", "future", "until is the last year the pairing ran; it cannot be after " + thisYear);
    }
    violations.throwIfAny();
    if (until != null) {
      if (until.equals(lastYear)) {
        return null;
      }
      throw new Conflict(Conflict.Kind.EXISTS, "pairing " + id + " already ended in " + until);
    }
    Instant now = clock.instant();
    Pairing ended = new Pairing(id, mountainCounty, partnerCounty, since, lastYear, sequence + 1, registeredBy,
        registeredAt, user, now);
    return new Ended(ended, new PairingEnded(id, ended.sequence(), mountainCounty, partnerCounty, since, lastYear,
        user, now));
  }

  /** True when the pairing runs in {@code year}. */
  public boolean activeIn(int year) {
    return since <= year && (until == null || until >= year);
  }

  public boolean isActive(Clock clock) {
    return activeIn(Year.now(clock).getValue());
  }

  /** True when this pairing's years share at least one year with {@code [otherSince, otherUntil]}. */
  public boolean overlaps(int otherSince, Integer otherUntil) {
    int thisEnd = until == null ? Integer.MAX_VALUE : until;
    int otherEnd = otherUntil == null ? Integer.MAX_VALUE : otherUntil;
    return since <= otherEnd && otherSince <= thisEnd;
  }
}
