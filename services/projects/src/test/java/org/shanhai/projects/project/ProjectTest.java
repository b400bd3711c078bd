package org.shanhai.projects.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.shanhai.projects.project.Projects.anIndustrialEnclave;
import static org.shanhai.projects.project.Projects.apply;
import static org.shanhai.projects.project.Projects.report;

import org.junit.jupiter.api.Test;
import org.shanhai.events.Warning;
import org.shanhai.events.projects.ProgressReported;
import org.shanhai.events.projects.ProjectStatusChanged;
import org.shanhai.events.value.Money;
import org.shanhai.web.validation.InvalidInput;
import org.shanhai.web.validation.Violation;

class ProjectTest {

  @Test
  void anAcceptedReportPublishesProgressThenStatusWithConsecutiveSequences() {
    Project.Reported reported = apply(anIndustrialEnclave(),
        report("2021-06-30", "UNDER_CONSTRUCTION", "30000000", "35000000.5"));

    assertThat(reported.events()).hasSize(2);
    assertThat(reported.events().get(0)).isInstanceOfSatisfying(ProgressReported.class, e -> {
      assertThat(e.sequence()).isEqualTo(2);
      assertThat(e.cumulativeInvestment()).isEqualTo(Money.of("30000000.00"));
      assertThat(e.fundsInPlace()).isEqualTo(Money.of("35000000.50"));
    });
    assertThat(reported.events().get(1)).isInstanceOfSatisfying(ProjectStatusChanged.class, e -> {
      assertThat(e.sequence()).isEqualTo(3);
      assertThat(e.from()).isEqualTo("PLANNED");
      assertThat(e.to()).isEqualTo("UNDER_CONSTRUCTION");
    });
    assertThat(reported.project().sequence()).isEqualTo(3);
    assertThat(reported.update().sequence()).isEqualTo(2);
  }

  @Test
  void aFigureLeftOutKeepsItsLastReportedValue() {
    Project first = apply(anIndustrialEnclave(), report("2021-03-31", "SIGNED", "1000000", "2000000")).project();

    Project.Reported statusOnly = apply(first, report("2021-04-30", "UNDER_CONSTRUCTION", null, null));

    assertThat(statusOnly.project().cumulativeInvestment()).isEqualTo(Money.of("1000000"));
    assertThat(statusOnly.project().fundsInPlace()).isEqualTo(Money.of("2000000"));
    assertThat(statusOnly.update().fieldsReported()).containsExactly("status");
  }

  @Test
  void rejectsInvestmentThatGoesDown() {
    Project project = apply(anIndustrialEnclave(), report("2021-03-31", null, "1000000", null)).project();

    assertThat(violations(project, report("2021-04-30", null, "999999.99", null)))
        .extracting(Violation::code).containsExactly("decreased");
  }

  @Test
  void rejectsReportDatesInTheFutureOrBeforeTheLastReport() {
    Project project = apply(anIndustrialEnclave(), report("2021-03-31", null, null, null)).project();

    assertThat(violations(project, report("2021-07-02", null, null, null)))
        .extracting(Violation::code).containsExactly("future");
    assertThat(violations(project, report("2021-03-30", null, null, null)))
        .extracting(Violation::code).containsExactly("before-last-report");
  }

  @Test
  void rejectsFundsInPlaceAboveTheConfiguredMultiple() {
    assertThat(violations(anIndustrialEnclave(), report("2021-06-30", null, null, "139500000.01")))
        .extracting(Violation::code).containsExactly("above-plan-multiple");
    assertThat(apply(anIndustrialEnclave(), report("2021-06-30", null, null, "139500000.00")).update()).isNotNull();
  }

  @Test
  void rejectsIllegalTransitions() {
    Project producing = apply(anIndustrialEnclave(), report("2021-06-30", "IN_PRODUCTION", "90000000", null))
        .project();

    assertThat(violations(producing, report("2021-06-30", "SIGNED", null, null)))
        .extracting(Violation::code).containsExactly("illegal-transition");
  }

  @Test
  void reportsEveryProblemAtOnce() {
    Project producing = apply(anIndustrialEnclave(), report("2021-06-30", "IN_PRODUCTION", "90000000", null))
        .project();

    assertThat(violations(producing, report("2021-08-01", "SIGNED", "-1", "0.001")))
        .extracting(Violation::field)
        .containsExactlyInAnyOrder("reportDate", "status", "cumulativeInvestment", "fundsInPlace");
  }

  @Test
  void warnsWhenOneReportAddsMoreThanHalfThePlan() {
    assertThat(warnings(anIndustrialEnclave(), report("2021-06-30", null, "46500000.01", null)))
        .containsExactly("large-increment");
    assertThat(warnings(anIndustrialEnclave(), report("2021-06-30", null, "46500000.00", null))).isEmpty();
  }

  @Test
  void warnsWhenCompletedUnderEightyPercentOfPlan() {
    Project project = apply(anIndustrialEnclave(), report("2021-05-31", "UNDER_CONSTRUCTION", "40000000", null))
        .project();

    assertThat(warnings(project, report("2021-06-30", "COMPLETED", "74399999.99", null)))
        .containsExactly("finished-under-invested");
    assertThat(warnings(project, report("2021-06-30", "COMPLETED", "74400000.00", null))).isEmpty();
  }

  @Test
  void aProjectWithoutAPlanIsCheckedAgainstNothingItDoesNotKnow() {
    Project.Reported reported = apply(Projects.anEnclaveWithoutAPlan(),
        report("2021-06-30", "COMPLETED", "500000000.00", "900000000.00"));

    assertThat(reported.update().warnings()).isEmpty();
    assertThat(reported.events().get(0)).isInstanceOfSatisfying(ProgressReported.class,
        e -> assertThat(e.plannedInvestment()).isNull());
  }

  @Test
  void aPlanGivenLaterIsPublishedAndARevisionIsWarnedOf() {
    Project.Reported given = apply(Projects.anEnclaveWithoutAPlan(), Projects.planGiven("2021-05-31", "93000000.00"));

    assertThat(given.project().plannedInvestment()).isEqualTo(Money.of("93000000.00"));
    assertThat(given.update().fieldsReported()).containsExactly("plannedInvestment");
    assertThat(given.update().warnings()).isEmpty();
    assertThat(given.events().get(0)).isInstanceOfSatisfying(ProgressReported.class,
        e -> assertThat(e.plannedInvestment()).isEqualTo(Money.of("93000000.00")));
    assertThat(warnings(given.project(), Projects.planGiven("2021-06-30", "120000000.00")))
        .containsExactly("plan-revised");
    assertThat(violations(given.project(), Projects.planGiven("2021-06-30", "0.00")))
        .extracting(Violation::code).containsExactly("zero");
  }

  @Test
  void suspendingRemembersTheActiveStatusAndResumingCannotGoBehindIt() {
    Project building = apply(anIndustrialEnclave(), report("2021-05-31", "UNDER_CONSTRUCTION", null, null)).project();
    Project suspended = apply(building, report("2021-06-01", "SUSPENDED", null, null)).project();

    assertThat(suspended.suspendedFrom()).isEqualTo(ProjectStatus.UNDER_CONSTRUCTION);
    assertThat(violations(suspended, report("2021-06-30", "SIGNED", null, null)))
        .extracting(Violation::code).containsExactly("illegal-transition");
    Project resumed = apply(suspended, report("2021-06-30", "UNDER_CONSTRUCTION", null, null)).project();
    assertThat(resumed.status()).isEqualTo(ProjectStatus.UNDER_CONSTRUCTION);
    assertThat(resumed.suspendedFrom()).isNull();
  }

  private static java.util.List<Violation> violations(Project project, ProgressReport report) {
    try {
      apply(project, report);
    } catch (InvalidInput e) {
      return e.violations();
    }
    throw new AssertionError("expected the report to be rejected");
  }

  private static java.util.List<String> warnings(Project project, ProgressReport report) {
    return apply(project, report).update().warnings().stream().map(Warning::code).toList();
  }

  @Test
  void aRejectedReportChangesNothing() {
    Project project = anIndustrialEnclave();
    assertThatThrownBy(() -> apply(project, report("2021-06-30", null, "-1", null))).isInstanceOf(InvalidInput.class);
    assertThat(project.sequence()).isEqualTo(1);
    assertThat(project.cumulativeInvestment()).isNull();
  }
}
