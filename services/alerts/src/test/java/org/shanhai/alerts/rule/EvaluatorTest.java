package org.shanhai.alerts.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.shanhai.alerts.projection.PayoutView;
import org.shanhai.alerts.projection.ProjectView;
import org.shanhai.alerts.projection.VillageView;
import org.shanhai.alerts.targets.Target;
import org.shanhai.events.projects.InvestmentPlanPoint;
import org.shanhai.events.value.CountyCode;
import org.shanhai.events.value.Money;
import org.shanhai.events.value.ProjectId;

class EvaluatorTest {

  private static final RuleBook DEFAULTS = RuleBook.of(List.of());
  private static final LocalDate TODAY = LocalDate.parse("2021-09-30");

  private static final CountyCode CHANGSHAN = CountyCode.of("330822");

  static ProjectView enclave(String status, LocalDate registered, LocalDate lastReport, String cumulative,
      List<InvestmentPlanPoint> plan, List<String> warnings, Map<Integer, Money> byYear) {
    return new ProjectView(ProjectId.of("project-cixi"), "常山—慈溪产业飞地", "pairing-changshan-cixi", CHANGSHAN,
        CountyCode.of("330282"), "INDUSTRIAL_ENCLAVE", status, Money.of("93000000.00"), plan, Money.of(cumulative),
        registered, lastReport, null, warnings, byYear);
  }

  static ProjectView underConstruction(LocalDate lastReport) {
    return enclave("UNDER_CONSTRUCTION", LocalDate.parse("2020-06-01"), lastReport, "30000000.00", List.of(), List.of(),
        Map.of());
  }

  private static Check ofRule(List<Check> checks, RuleId rule) {
    return checks.stream().filter(c -> c.rule() == rule).findFirst().orElseThrow();
  }

  @Test
  void aProjectIsStalledOnlyAfterMoreThanTheAllowedDaysWithoutAnUpdate() {
    assertThat(ofRule(Evaluator.project(underConstruction(TODAY.minusDays(90)), DEFAULTS, TODAY),
        RuleId.PROJECT_STALLED).holds()).isFalse();
    Check stalled = ofRule(Evaluator.project(underConstruction(TODAY.minusDays(91)), DEFAULTS, TODAY),
        RuleId.PROJECT_STALLED);
    assertThat(stalled.holds()).isTrue();
    assertThat(stalled.finding().evidence()).containsEntry("daysWithoutUpdate", "91").containsEntry("allowedDays", "90");
  }

  @Test
  void finishedSuspendedAndCancelledProjectsAreNotStalled() {
    for (String status : List.of("COMPLETED", "IN_PRODUCTION", "SUSPENDED", "CANCELLED")) {
      ProjectView p = enclave(status, LocalDate.parse("2020-01-01"), null, null, List.of(), List.of(), Map.of());
      assertThat(ofRule(Evaluator.project(p, DEFAULTS, TODAY), RuleId.PROJECT_STALLED).holds()).as(status).isFalse();
    }
  }

  @Test
  void theStalledThresholdIsConfigurable() {
    RuleConfig thirty = RuleConfig.defaults(RuleId.PROJECT_STALLED)
        .change(new RuleConfig.Change(null, null, null, null, null, Map.of("days", "30")), "officer", Instant.EPOCH);
    assertThat(ofRule(Evaluator.project(underConstruction(TODAY.minusDays(31)), RuleBook.of(List.of(thirty)), TODAY),
        RuleId.PROJECT_STALLED).holds()).isTrue();
  }

  @Test
  void investmentBehindPlanComparesWithTheLatestPlanDatePassed() {
    List<InvestmentPlanPoint> plan = List.of(
        new InvestmentPlanPoint(LocalDate.parse("2021-06-30"), Money.of("40000000.00")),
        new InvestmentPlanPoint(LocalDate.parse("2021-12-31"), Money.of("90000000.00")));
    ProjectView at69 = enclave("UNDER_CONSTRUCTION", TODAY, TODAY, "27600000.00", plan, List.of(), Map.of());
    ProjectView at70 = enclave("UNDER_CONSTRUCTION", TODAY, TODAY, "28000000.00", plan, List.of(), Map.of());

    Check behind = ofRule(Evaluator.project(at69, DEFAULTS, TODAY), RuleId.INVESTMENT_BEHIND_PLAN);
    assertThat(behind.holds()).isTrue();
    assertThat(behind.finding().evidence()).containsEntry("planDate", "2021-06-30")
        .containsEntry("planned", "40000000.00").containsEntry("percentOfPlan", "69.0");
    assertThat(ofRule(Evaluator.project(at70, DEFAULTS, TODAY), RuleId.INVESTMENT_BEHIND_PLAN).holds()).isFalse();
    assertThat(ofRule(Evaluator.project(at69, DEFAULTS, LocalDate.parse("2021-06-30")),
        RuleId.INVESTMENT_BEHIND_PLAN).holds()).as("no plan date passed yet").isFalse();
  }

  @Test
  void suspendedOrCancelledProjectsHoldTheSuspensionRule() {
    assertThat(ofRule(Evaluator.project(enclave("SUSPENDED", TODAY, TODAY, null, List.of(), List.of(), Map.of()),
        DEFAULTS, TODAY), RuleId.PROJECT_SUSPENDED).holds()).isTrue();
    assertThat(ofRule(Evaluator.project(enclave("CANCELLED", TODAY, TODAY, null, List.of(), List.of(), Map.of()),
        DEFAULTS, TODAY), RuleId.PROJECT_SUSPENDED).holds()).isTrue();
    assertThat(ofRule(Evaluator.project(underConstruction(TODAY), DEFAULTS, TODAY), RuleId.PROJECT_SUSPENDED).holds())
        .isFalse();
  }

  @Test
  void anUpdateWithWarningsHoldsUntilAnUpdateWithout() {
    ProjectView warned = enclave("UNDER_CONSTRUCTION", TODAY, TODAY, "1.00", List.of(),
        List.of("large-increment: adds more than half"), Map.of());
    assertThat(ofRule(Evaluator.project(warned, DEFAULTS, TODAY), RuleId.UPDATE_WARNINGS).finding().summary())
        .contains("large-increment");
    assertThat(ofRule(Evaluator.project(underConstruction(TODAY), DEFAULTS, TODAY), RuleId.UPDATE_WARNINGS).holds())
        .isFalse();
  }

  @Test
  void aDisabledRuleNeverHolds() {
    RuleConfig off = RuleConfig.defaults(RuleId.PROJECT_STALLED)
        .change(new RuleConfig.Change(false, null, null, null, null, null), "officer", Instant.EPOCH);
    assertThat(ofRule(Evaluator.project(underConstruction(TODAY.minusDays(400)), RuleBook.of(List.of(off)), TODAY),
        RuleId.PROJECT_STALLED).holds()).isFalse();
  }

  private static PayoutView payout(String paid, String status) {
    return new PayoutView("sh-2020", "sh", ProjectId.of("project-cixi"), "pairing", CHANGSHAN, CountyCode.of("330282"),
        2020, LocalDate.parse("2020-12-31"), Money.of("9300000.00"), Money.of(paid), status);
  }

  @Test
  void anOverduePayoutWithNothingPaidIsOverdueAndOneWithSomePaidIsShort() {
    List<Check> nothing = Evaluator.payout(payout("0.00", "OVERDUE"), DEFAULTS, TODAY);
    assertThat(ofRule(nothing, RuleId.PAYOUT_OVERDUE).holds()).isTrue();
    assertThat(ofRule(nothing, RuleId.PAYOUT_SHORT).holds()).isFalse();

    List<Check> some = Evaluator.payout(payout("6000000.00", "OVERDUE"), DEFAULTS, TODAY);
    assertThat(ofRule(some, RuleId.PAYOUT_OVERDUE).holds()).isFalse();
    assertThat(ofRule(some, RuleId.PAYOUT_SHORT).finding().evidence()).containsEntry("shortfall", "3300000.00");

    List<Check> paid = Evaluator.payout(payout("9300000.00", "PAID"), DEFAULTS, TODAY);
    assertThat(paid).noneMatch(Check::holds);
  }

  @Test
  void aPartPaymentIsNotShortBeforeTheDueDate() {
    assertThat(ofRule(Evaluator.payout(payout("100.00", "PARTIALLY_PAID"), DEFAULTS, LocalDate.parse("2020-12-31")),
        RuleId.PAYOUT_SHORT).holds()).isFalse();
  }

  @Test
  void aVillageUnderTheThresholdIsWeak() {
    VillageView poor = new VillageView("v", "聚宝村", CHANGSHAN, Map.of(2019, Money.of("200000.00"),
        2020, Money.of("99999.99")));
    VillageView fine = new VillageView("v", "聚宝村", CHANGSHAN, Map.of(2019, Money.of("99999.99"),
        2020, Money.of("100000.00")));
    assertThat(Evaluator.village(poor, DEFAULTS).get(0).holds()).isTrue();
    assertThat(Evaluator.village(fine, DEFAULTS).get(0).holds()).isFalse();
  }

  @Test
  void theFingerprintsForeseenForASubjectAreThoseItsChecksName() {
    VillageView village = new VillageView("v", "聚宝村", CHANGSHAN, Map.of(2020, Money.of("99999.99")));
    assertThat(Evaluator.project(underConstruction(TODAY), DEFAULTS, TODAY)).extracting(Check::fingerprint)
        .containsExactlyElementsOf(Evaluator.fingerprints(Subject.Type.PROJECT, "project-cixi"));
    assertThat(Evaluator.payout(payout("0.00", "OVERDUE"), DEFAULTS, TODAY)).extracting(Check::fingerprint)
        .containsExactlyElementsOf(Evaluator.fingerprints(Subject.Type.PAYOUT, "sh-2020"));
    assertThat(Evaluator.village(village, DEFAULTS)).extracting(Check::fingerprint)
        .containsExactlyElementsOf(Evaluator.fingerprints(Subject.Type.VILLAGE, "v"));
    Check target = Evaluator.targets(List.of(), List.of(), DEFAULTS, TODAY).get(0);
    assertThat(Evaluator.fingerprints(Subject.Type.TARGET, target.subject().id())).containsExactly(target.fingerprint());
  }

  @Test
  void theProvinceTargetIsAtRiskWhenThisYearsPaceFallsShortOfFortyBillion() {
    Map<Integer, Money> byYear = new TreeMap<>(Map.of(2020, Money.of("1000000000.00"),
        2021, Money.of("21000000000.00")));
    ProjectView big = enclave("UNDER_CONSTRUCTION", TODAY, TODAY, "21000000000.00", List.of(), List.of(), byYear);
    // 20 billion by 30 September (273 of 365 days) projects to about 26.7 billion: short of 40.
    Check atRisk = Evaluator.targets(List.of(big), List.of(), DEFAULTS, TODAY).get(0);
    assertThat(atRisk.holds()).isTrue();
    assertThat(atRisk.finding().evidence()).containsEntry("invested", "20000000000.00")
        .containsEntry("target", "40000000000.00");
    assertThat(atRisk.subject().id()).isEqualTo("PROVINCE-330000-2021");
  }

  @Test
  void targetsAreNotJudgedBeforeTheRulesFromDayAndCountyTargetsCountTheirCountyOnly() {
    Map<Integer, Money> byYear = Map.of(2021, Money.of("50000000.00"));
    ProjectView p = enclave("UNDER_CONSTRUCTION", TODAY, TODAY, "50000000.00", List.of(), List.of(), byYear);
    assertThat(Evaluator.targets(List.of(p), List.of(), DEFAULTS, LocalDate.parse("2021-03-31")))
        .noneMatch(Check::holds);

    Target changshan = new Target(Target.Scope.COUNTY, "330822", 2021, Money.of("60000000.00"), "o", Instant.EPOCH);
    Target elsewhere = new Target(Target.Scope.COUNTY, "330803", 2021, Money.of("1.00"), "o", Instant.EPOCH);
    List<Check> checks = Evaluator.targets(List.of(p), List.of(changshan, elsewhere), DEFAULTS, TODAY);
    assertThat(checks.stream().filter(c -> c.subject().id().equals("COUNTY-330822-2021")).findFirst().orElseThrow()
        .holds()).as("50 million by September is on pace for more than 60").isFalse();
    assertThat(checks.stream().filter(c -> c.subject().id().equals("COUNTY-330803-2021")).findFirst().orElseThrow()
        .holds()).as("nothing invested in 衢江").isTrue();
  }

  @Test
  void fingerprintsAreStablePerRuleAndSubject() {
    Check a = ofRule(Evaluator.project(underConstruction(TODAY), DEFAULTS, TODAY), RuleId.PROJECT_STALLED);
    Check b = ofRule(Evaluator.project(underConstruction(TODAY.minusDays(200)), DEFAULTS, TODAY),
        RuleId.PROJECT_STALLED);
    Check other = ofRule(Evaluator.project(underConstruction(TODAY), DEFAULTS, TODAY), RuleId.PROJECT_SUSPENDED);
    assertThat(a.fingerprint()).isEqualTo(b.fingerprint()).hasSize(32).isNotEqualTo(other.fingerprint());
  }
}
