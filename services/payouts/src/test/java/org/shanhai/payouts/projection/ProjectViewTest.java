package org.shanhai.payouts.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.shanhai.events.projects.ProgressReported;
import org.shanhai.events.projects.ProjectRegistered;
import org.shanhai.events.projects.ProjectStatusChanged;
import org.shanhai.events.value.CountyCode;
import org.shanhai.events.value.Money;
import org.shanhai.events.value.ProjectId;

class ProjectViewTest {

  private static final ProjectId ENCLAVE = ProjectId.of("p1");
  private static final CountyCode CHANGSHAN = CountyCode.of("330822");
  private static final CountyCode CIXI = CountyCode.of("330282");
  private static final Instant AT = Instant.parse("2021-07-01T02:00:00Z");

  @Test
  void keepsTheNameAndHostFromTheRegistrationAndTheStatusFromEachLaterEvent() {
    ProjectView registered = ProjectView.fold(null, new ProjectRegistered(ENCLAVE, 1, "pair-1", CHANGSHAN, CIXI,
        "常山—慈溪产业飞地", "INDUSTRIAL_ENCLAVE", CIXI, null, List.of(), null, null, null, "PLANNED", "o", AT));
    ProjectView reported = ProjectView.fold(registered, new ProgressReported(ENCLAVE, 2, "u1", "pair-1", CHANGSHAN,
        CIXI, "INDUSTRIAL_ENCLAVE", LocalDate.parse("2021-06-30"), "PLANNED", Money.of("93000000.00"), null, null,
        null, null, List.of(), "o", AT));
    ProjectView changed = ProjectView.fold(reported, new ProjectStatusChanged(ENCLAVE, 3, "pair-1", CHANGSHAN, CIXI,
        "INDUSTRIAL_ENCLAVE", "PLANNED", "UNDER_CONSTRUCTION", LocalDate.parse("2021-06-30"), "o", AT));

    assertThat(changed).isEqualTo(new ProjectView(ENCLAVE, "常山—慈溪产业飞地", "pair-1", CHANGSHAN, CIXI, CIXI,
        "INDUSTRIAL_ENCLAVE", "UNDER_CONSTRUCTION"));
    assertThat(changed.takesShareholdings()).isTrue();
  }

  @Test
  void aStatusChangeSeenFirstStillSaysWhereTheProjectBelongs() {
    ProjectView first = ProjectView.fold(null, new ProjectStatusChanged(ENCLAVE, 3, "pair-1", CHANGSHAN, CIXI,
        "INDUSTRIAL_PROJECT", "PLANNED", "SUSPENDED", LocalDate.parse("2021-06-30"), "o", AT));

    assertThat(first.name()).isNull();
    assertThat(first.mountainCounty()).isEqualTo(CHANGSHAN);
    assertThat(first.status()).isEqualTo("SUSPENDED");
    assertThat(first.takesShareholdings()).isFalse();
  }
}
