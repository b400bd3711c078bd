package org.shanhai.projects.pairing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.shanhai.events.value.CountyCode;
import org.shanhai.projects.county.Counties;
import org.shanhai.web.validation.Conflict;
import org.shanhai.web.validation.InvalidInput;
import org.shanhai.web.validation.Violation;

class PairingTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2021-07-01T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
  private static final Counties COUNTIES = new Counties();

  @Test
  void registersAMountainCountyWithItsPartner() {
    Pairing.Registered registered = Pairing.register("p1", new PairingRegistration("330822", "330282", 2011, null),
        COUNTIES, "officer", CLOCK);

    assertThat(registered.pairing().isActive(CLOCK)).isTrue();
    assertThat(registered.event().sequence()).isEqualTo(1);
    assertThat(registered.event().mountainCounty()).isEqualTo(CountyCode.of("330822"));
  }

  @Test
  void requiresEachCountyOnItsOwnSide() {
    InvalidInput e = catchThrowableOfType(InvalidInput.class, () -> Pairing.register("p1",
        new PairingRegistration("330282", "330822", 2011, null), COUNTIES, "officer", CLOCK));

    assertThat(e.violations()).extracting(Violation::code)
        .containsExactly("not-a-mountain-county", "not-a-partner-county");
  }

  @Test
  void rejectsYearsBeforeTheProgrammeOrAfterThisYearAndEndsBeforeStarts() {
    InvalidInput e = catchThrowableOfType(InvalidInput.class, () -> Pairing.register("p1",
        new PairingRegistration("330802", "330110", 2002, 2001), COUNTIES, "officer", CLOCK));

    assertThat(e.violations()).extracting(Violation::field).containsExactly("since", "until");
  }

  @Test
  void anEndedPairingIsInactiveAndOverlapsOnlyItsYears() {
    // 柯城's pairing with 余杭 ended when 临平 was split out of 余杭 in 2021.
    Pairing yuhang = Pairing.register("p1", new PairingRegistration("330802", "330110", 2019, 2020), COUNTIES,
        "officer", CLOCK).pairing();

    assertThat(yuhang.isActive(CLOCK)).isFalse();
    assertThat(yuhang.overlaps(2021, null)).isFalse();
    assertThat(yuhang.overlaps(2020, null)).isTrue();
    assertThat(yuhang.overlaps(2015, 2018)).isFalse();
  }

  @Test
  void endingARunningPairingSetsItsLastYearAndPublishesTheNextSequence() {
    Pairing yuhang = Pairing.register("p1", new PairingRegistration("330802", "330110", 2019, null), COUNTIES,
        "officer", CLOCK).pairing();

    Pairing.Ended ended = yuhang.end(2020, "officer.kecheng", CLOCK);

    assertThat(ended.pairing().until()).isEqualTo(2020);
    assertThat(ended.pairing().isActive(CLOCK)).isFalse();
    assertThat(ended.pairing().endedBy()).isEqualTo("officer.kecheng");
    assertThat(ended.event().sequence()).isEqualTo(2);
    assertThat(ended.pairing().end(2020, "officer.kecheng", CLOCK)).as("ending again the same way").isNull();
    assertThat(catchThrowableOfType(Conflict.class, () -> ended.pairing().end(2021, "officer", CLOCK))).isNotNull();
  }

  @Test
  void refusesToEndBeforeItBeganOrInTheFuture() {
    Pairing yuhang = Pairing.register("p1", new PairingRegistration("330802", "330110", 2019, null), COUNTIES,
        "officer", CLOCK).pairing();

    assertThat(catchThrowableOfType(InvalidInput.class, () -> yuhang.end(2018, "officer", CLOCK)).violations())
        .extracting(Violation::code).containsExactly("before-since");
    assertThat(catchThrowableOfType(InvalidInput.class, () -> yuhang.end(2022, "officer", CLOCK)).violations())
        .extracting(Violation::code).containsExactly("future");
  }
}
