package org.shanhai.alerts.matcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.shanhai.events.alerts.Alert;
import org.shanhai.events.value.CountyCode;
import org.shanhai.events.value.ProjectId;
import org.shanhai.web.access.Actor;
import org.shanhai.web.access.Forbidden;
import org.shanhai.web.access.Role;
import org.shanhai.web.validation.Violations;

/** {@code anyCounty} matches either side of a pairing; an officer's matchers are confined to their counties. */
class MatchersTest {

  private static final Actor CIXI = new Actor("officer.cixi", Set.of(Role.OFFICER), Set.of(new CountyCode("330282")));

  @Test
  void anyCountyMatchesTheMountainOrThePartnerCounty() {
    Matchers cixi = matchers(new Matchers.Selection(null, null, List.of("330282"), null, null, null, null, null));

    assertThat(cixi.matches(alert("330822", "330282"))).isTrue();
    assertThat(cixi.matches(alert("330282", "330106"))).isTrue();
    assertThat(cixi.matches(alert("331126", "330212"))).isFalse();
  }

  @Test
  void anOfficerWhoNamesNoCountyGetsTheirsFilledIn() {
    Matchers confined = matchers(new Matchers.Selection(null, null, null, null, null, null,
        List.of("project-stalled"), null)).confinedTo(CIXI);

    assertThat(confined.anyCounty()).containsExactly("330282");
    assertThat(confined.rule()).containsExactly("project-stalled");
    assertThat(confined.matches(alert("330822", "330282"))).isTrue();
    assertThat(confined.matches(alert("331126", "330212"))).isFalse();
  }

  @Test
  void anOfficerMayNameOnlyTheirOwnCounties() {
    Matchers own = matchers(new Matchers.Selection(null, List.of("330282"), null, null, null, null, null, null));
    assertThat(own.confinedTo(CIXI)).isEqualTo(own);

    Forbidden refused = catchThrowableOfType(Forbidden.class, () -> matchers(
        new Matchers.Selection(List.of("331126"), null, null, null, null, null, null, null)).confinedTo(CIXI));
    assertThat(refused.reason()).isEqualTo("county");
    assertThat(refused).hasMessageContaining("331126");
    assertThat(catchThrowableOfType(Forbidden.class, () -> Matchers.ANY.confinedTo(
        new Actor("nobody", Set.of(Role.OFFICER), Set.of())))).isNotNull();
  }

  private static Matchers matchers(Matchers.Selection selection) {
    Violations v = new Violations();
    Matchers m = Matchers.of(selection, "", v);
    assertThat(v.isEmpty()).isTrue();
    return m;
  }

  private static Alert alert(String mountain, String partner) {
    Instant t = Instant.parse("2026-11-23T00:00:00Z");
    return new Alert("a.1", "a", "project-stalled", "WARNING", "FIRING", "PROJECT", "p", CountyCode.of(mountain),
        CountyCode.of(partner), "pairing", ProjectId.of("p"), "INDUSTRIAL_ENCLAVE", "stalled", Map.of(), t, t);
  }
}
