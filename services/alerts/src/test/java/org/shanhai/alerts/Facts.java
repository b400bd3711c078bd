package org.shanhai.alerts;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.shanhai.events.Topics;
import org.shanhai.events.Warning;
import org.shanhai.events.payouts.Payout;
import org.shanhai.events.payouts.PayoutOverdue;
import org.shanhai.events.payouts.VillageIncomeReported;
import org.shanhai.events.projects.InvestmentPlanPoint;
import org.shanhai.events.projects.ProgressReported;
import org.shanhai.events.projects.ProjectRegistered;
import org.shanhai.events.projects.ProjectStatusChanged;
import org.shanhai.events.value.CountyCode;
import org.shanhai.events.value.Money;
import org.shanhai.events.value.ProjectId;
import org.shanhai.testkit.EventPublisher;

/**
 * The other services' side of the seed story, published as their events on the real broker:
 * 常山 (330822) paired with 慈溪 (330282), its enclave in Cixi, its villages' payouts. Fresh ids on
 * every call, so tests sharing the service do not collide.
 */
final class Facts {

  static final CountyCode CHANGSHAN = CountyCode.of("330822");
  static final CountyCode CIXI = CountyCode.of("330282");

  private final EventPublisher publisher;
  final String pairing = "pairing-" + UUID.randomUUID();
  final String project = "project-" + UUID.randomUUID();

  Facts(EventPublisher publisher) {
    this.publisher = publisher;
  }

  /** The enclave is registered at {@code at}, under construction, with {@code plan} (may be empty). */
  ProjectRegistered registered(Instant at, List<InvestmentPlanPoint> plan) {
    return new ProjectRegistered(ProjectId.of(project), 1, pairing, CHANGSHAN, CIXI, "常山—慈溪产业飞地",
        "INDUSTRIAL_ENCLAVE", CIXI, Money.of("93000000.00"), plan, LocalDate.parse("2020-06-01"), LocalDate.parse("2022-12-31"), null,
        "UNDER_CONSTRUCTION", "officer.changshan", at);
  }

  String publish(ProjectRegistered event) {
    return publisher.publish(Topics.PROJECTS, project, ProjectRegistered.TYPE, project, event.sequence(), event);
  }

  /** Registered at {@code at} with nothing planned yet, so only the time-driven and status rules can fire. */
  String registerProject(Instant at) {
    return publish(registered(at, List.of()));
  }

  /** Registered at {@code at} with 50 million yuan planned by the end of 2021 (long passed). */
  String registerProjectWithPlan(Instant at) {
    return publish(registered(at, List.of(new InvestmentPlanPoint(LocalDate.parse("2021-12-31"),
        Money.of("50000000.00")))));
  }

  String reportProgress(long sequence, LocalDate reportDate, String cumulative, List<Warning> warnings) {
    return reportProgress(sequence, reportDate, "UNDER_CONSTRUCTION", cumulative, warnings);
  }

  String reportProgress(long sequence, LocalDate reportDate, String status, String cumulative,
      List<Warning> warnings) {
    return publisher.publish(Topics.PROJECTS, project, ProgressReported.TYPE, project, sequence,
        new ProgressReported(ProjectId.of(project), sequence, "update-" + sequence, pairing, CHANGSHAN, CIXI,
            "INDUSTRIAL_ENCLAVE", reportDate, status, Money.of("93000000.00"), Money.of(cumulative), null, null,
            null, warnings, "officer.changshan", Instant.now()));
  }

  /** Registered at {@code at}, then suspended (停工) as of the same day in Zhejiang. */
  void registerAndSuspend(Instant at) {
    registerProject(at);
    changeStatus(2, "UNDER_CONSTRUCTION", "SUSPENDED", LocalDate.ofInstant(at, ZoneId.of("Asia/Shanghai")));
  }

  String changeStatus(long sequence, String from, String to, LocalDate effective) {
    return publisher.publish(Topics.PROJECTS, project, ProjectStatusChanged.TYPE, project, sequence,
        new ProjectStatusChanged(ProjectId.of(project), sequence, pairing, CHANGSHAN, CIXI, "INDUSTRIAL_ENCLAVE", from,
            to, effective, "officer.changshan", Instant.now()));
  }

  Payout payout(int year) {
    return new Payout("shareholding-" + project + "-" + year, "shareholding-" + project, ProjectId.of(project), pairing,
        CHANGSHAN, CIXI, year, LocalDate.of(year, 12, 31), Money.of("9300000.00"), 94);
  }

  String payoutOverdue(long sequence, int year, String paid) {
    Payout payout = payout(year);
    Money paidAmount = Money.of(paid);
    return publisher.publish(Topics.PAYOUTS, project, PayoutOverdue.TYPE, payout.shareholdingId(), sequence,
        new PayoutOverdue(sequence, payout, paidAmount, payout.guaranteedAmount().minus(paidAmount), 30,
            Instant.now()));
  }

  String villageIncome(String villageId, long sequence, int year, String income) {
    return publisher.publish(Topics.PAYOUTS, villageId, VillageIncomeReported.TYPE, villageId, sequence,
        new VillageIncomeReported(villageId, sequence, "聚宝村", CHANGSHAN, year, Money.of(income),
            Money.of("100000.00"), Money.of(income).isLessThan(Money.of("100000.00")), "officer.changshan",
            Instant.now()));
  }
}
