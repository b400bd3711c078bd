package org.shanhai.console.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** What the console offers follows the same rules as the APIs' (AccessRulesTest in libs/web). */
class OfficerTest {

  private final Officer changshan = new Officer("officer.changshan", "常山", Set.of("officer"), List.of("330822"));
  private final Officer province = new Officer("province.admin", "省", Set.of("province"), List.of());
  private final Officer viewer = new Officer("viewer", "viewer", Set.of("viewer"), List.of());

  @Test
  void anOfficerActsForPairingsOfTheirCountyOnEitherSide() {
    assertThat(changshan.actsForEither("330822", "330282")).isTrue();
    assertThat(changshan.actsForEither("331126", "330212")).isFalse();
    assertThat(changshan.actsFor("330822")).isTrue();
    assertThat(changshan.actsFor("330282")).isFalse();
    assertThat(changshan.scope()).containsExactly("330822");
  }

  @Test
  void theProvinceActsForEveryCountyAndAViewerForNone() {
    assertThat(province.actsForEither("331126", "330212")).isTrue();
    assertThat(province.scope()).as("every county").isEmpty();
    assertThat(viewer.actsForEither("330822", "330282")).isFalse();
    assertThat(viewer.actsFor("330822")).isFalse();
    assertThat(viewer.scope()).as("reads every county").isEmpty();
  }
}
