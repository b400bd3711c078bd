package org.shanhai.web.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Set;
import java.util.function.Consumer;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.shanhai.events.value.CountyCode;

/**
 * The access rules as a table: who (role and counties) × what (the action, on whose counties) →
 * allowed, or refused with the reason the audit trail and the refusals metric record.
 */
class AccessRulesTest {

  private static final CountyCode CHANGSHAN = new CountyCode("330822");
  private static final CountyCode CIXI = new CountyCode("330282");
  private static final CountyCode QINGYUAN = new CountyCode("331126");
  private static final CountyCode YINZHOU = new CountyCode("330212");

  @ParameterizedTest(name = "{0} with {1}: {2} → {3}")
  @CsvSource(delimiter = '|', textBlock = """
      # role     | counties       | action                             | outcome
      OFFICER    | 330822         | write for 常山—慈溪                  | allowed
      OFFICER    | 330282         | write for 常山—慈溪                  | allowed
      OFFICER    | 331126         | write for 常山—慈溪                  | county
      OFFICER    | 331126 330212  | write for 庆元—鄞州                  | allowed
      OFFICER    |                | write for 常山—慈溪                  | county
      PROVINCE   |                | write for 常山—慈溪                  | allowed
      VIEWER     | 330822         | write for 常山—慈溪                  | role
      OFFICER    | 330822         | write for the village of 常山        | allowed
      OFFICER    | 330282         | write for the village of 常山        | county
      PROVINCE   |                | write for the village of 常山        | allowed
      VIEWER     |                | write for the village of 常山        | role
      OFFICER    | 330822         | administer                         | role
      VIEWER     |                | administer                         | role
      PROVINCE   |                | administer                         | allowed
      OFFICER    | 330822         | change their own subscription      | allowed
      OFFICER    | 330822         | change somebody else's subscription | owner
      PROVINCE   |                | change somebody else's subscription | allowed
      VIEWER     |                | change their own subscription      | role
      """, commentCharacter = '#')
  void decides(Role role, String counties, String action, String outcome) {
    Actor actor = new Actor("officer", Set.of(role), counties == null ? Set.of()
        : Set.of(counties.split(" ")).stream().map(CountyCode::new).collect(java.util.stream.Collectors.toSet()));

    Forbidden refused = catchThrowableOfType(Forbidden.class, () -> act(action).accept(actor));

    if (outcome.equals("allowed")) {
      assertThat(refused).isNull();
    } else {
      assertThat(refused).as("refused").isNotNull();
      assertThat(refused.reason()).isEqualTo(outcome);
    }
  }

  private static Consumer<Actor> act(String action) {
    return switch (action) {
      case "write for 常山—慈溪" -> a -> a.requireEitherSide(CHANGSHAN, CIXI, "this update");
      case "write for 庆元—鄞州" -> a -> a.requireEitherSide(QINGYUAN, YINZHOU, "this update");
      case "write for the village of 常山" -> a -> a.requireCounty(CHANGSHAN, "this village");
      case "administer" -> a -> a.requireProvince("this rule");
      case "change their own subscription" -> a -> a.requireOwner("officer", "this subscription");
      case "change somebody else's subscription" -> a -> a.requireOwner("officer.cixi", "this subscription");
      default -> throw new IllegalArgumentException(action);
    };
  }
}
