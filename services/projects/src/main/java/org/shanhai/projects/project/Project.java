package org.shanhai.projects.project;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.shanhai.events.Warning;
import org.shanhai.events.projects.InvestmentPlanPoint;
import org.shanhai.events.projects.ProgressReported;
import org.shanhai.events.projects.ProjectEvent;
import org.shanhai.events.projects.ProjectRegistered;
import org.shanhai.events.projects.ProjectStatusChanged;
import org.shanhai.events.value.CountyCode;
import org.shanhai.events.value.Money;
import org.shanhai.events.value.ProjectId;
import org.shanhai.web.validation.InvalidInput;
import org.shanhai.web.validation.Violations;

/**
 * A cooperation project under a pairing, with its plan and its progress as last reported.
 * Immutable: {@link #report} returns the next state with the events it causes, or throws
 * {@link InvalidInput} with every reason it was refused. Dates are Zhejiang's: the clock passed in
 * is in the configured zone.
 *
 * @param externalCode the county office's own code for it, unique within the pairing (null when none)
 * @param plannedInvestment null while it is not known; the checks against it are then not made
 * @param suspendedFrom the active status it had when suspended, so resuming cannot go back behind it
 * @param sequence the number of events this project has published; its version for {@code ETag}
 */
public record Project(
    ProjectId id,
    String pairingId,
    CountyCode mountainCounty,
    CountyCode partnerCounty,
    String name,
    String externalCode,
    ProjectKind kind,
    CountyCode hostCounty,
    Money plannedInvestment,
    List<InvestmentPlanPoint> investmentPlan,
    LocalDate plannedStart,
    LocalDate plannedCompletion,
    ProjectId enclaveId,
    ProjectStatus status,
    ProjectStatus suspendedFrom,
    LocalDate lastReportDate,
    Money cumulativeInvestment,
    Money fundsInPlace,
    Integer jobsCreated,
    long sequence,
    String registeredBy,
    Instant registeredAt,
    String updatedBy,
    Instant updatedAt) {

  static final int MAX_NOTE_LENGTH = 2000;
  static final int MAX_JOBS = 1_000_000;

  /** A new project, as registered: planned figures only, nothing reported yet. */
  public static Project registered(ProjectId id, ProjectDraft draft, String user, Clock clock) {
    Instant now = clock.instant();
    return new Project(id, draft.pairingId(), draft.mountainCounty(), draft.partnerCounty(), draft.name(),
        draft.externalCode(), draft.kind(), draft.hostCounty(), draft.plannedInvestment(), draft.investmentPlan(),
        draft.plannedStart(), draft.plannedCompletion(), draft.enclaveId(), draft.status(), null, null, null, null, null, 1, user, now,
        user, now);
  }

  public ProjectRegistered registeredEvent() {
    return new ProjectRegistered(id, sequence, pairingId, mountainCounty, partnerCounty, name, kind.name(),
        hostCounty, plannedInvestment, investmentPlan, plannedStart, plannedCompletion, enclaveId, status.name(),
        registeredBy, registeredAt);
  }

  /** The project after an accepted update, the update as stored, and the events to publish. */
  public record Reported(Project project, ProjectUpdate update, List<ProjectEvent> events) {
  }

  /**
   * Applies an officer's update. Errors reject it whole; warnings are kept with the update and its
   * event. A figure left out keeps its last reported value.
   */
  public Reported report(String updateId, ProgressReport report, ProjectPolicy policy, String user, Clock clock) {
    Violations violations = new Violations().required("reportDate", report.reportDate());
    checkReportDate(report.reportDate(), clock, violations);
    ProjectStatus nextStatus = report.status() == null ? status : report.status();
    if (!status.canMoveTo(nextStatus, suspendedFrom)) {
      violations.add("status", "illegal-transition", "a project " + status + " cannot become " + nextStatus
          + (status == ProjectStatus.SUSPENDED ? " (it was " + suspendedFrom + " when suspended)" : ""));
    }
    Money reportedPlan = ProjectDraft.plannedInvestment("plannedInvestment", report.plannedInvestment(), violations);
    Money nextPlan = reportedPlan != null ? reportedPlan : plannedInvestment;
    Money investment = Money.of(violations.amount("cumulativeInvestment", report.cumulativeInvestment()));
    if (investment != null && cumulativeInvestment != null && investment.isLessThan(cumulativeInvestment)) {
      violations.add("cumulativeInvestment", "decreased", "cumulative investment cannot go down (last reported "
          + cumulativeInvestment + ")");
    }
    Money funds = Money.of(violations.amount("fundsInPlace", report.fundsInPlace()));
    if (funds != null && nextPlan != null && funds.isMoreThan(nextPlan.times(policy.maxFundsInPlaceMultiple()))) {
      violations.add("fundsInPlace", "above-plan-multiple", "funds in place exceed "
          + policy.maxFundsInPlaceMultiple().toPlainString() + " × the planned investment ("
          + nextPlan.times(policy.maxFundsInPlaceMultiple()) + ")");
    }
    if (report.jobsCreated() != null && (report.jobsCreated() < 0 || report.jobsCreated() > MAX_JOBS)) {
      violations.add("jobsCreated", "out-of-range", "jobsCreated must be between 0 and " + MAX_JOBS);
    }
    if (report.note() != null && report.note().length() > MAX_NOTE_LENGTH) {
      violations.add("note", "too-long", "note is at most " + MAX_NOTE_LENGTH + " characters");
    }
    violations.throwIfAny();

    Money nextInvestment = investment != null ? investment : cumulativeInvestment;
    Money nextFunds = funds != null ? funds : fundsInPlace;
    List<Warning> warnings = new Warnings(plannedInvestment, cumulativeInvestment, fundsInPlace, status, nextStatus,
        nextPlan, policy).of(reportedPlan, investment, nextInvestment, funds);
    Instant now = clock.instant();
    ProjectStatus nextSuspendedFrom = nextStatus == ProjectStatus.SUSPENDED
        ? (status == ProjectStatus.SUSPENDED ? suspendedFrom : status)
        : null;
    Integer nextJobs = report.jobsCreated() != null ? report.jobsCreated() : jobsCreated;
    String note = report.note();

    List<ProjectEvent> events = new ArrayList<>();
    long reportedSequence = sequence + 1;
    events.add(new ProgressReported(id, reportedSequence, updateId, pairingId, mountainCounty, partnerCounty,
        kind.name(), report.reportDate(), nextStatus.name(), nextPlan, nextInvestment, nextFunds, nextJobs, note,
        warnings, user, now));
    if (nextStatus != status) {
      events.add(new ProjectStatusChanged(id, reportedSequence + 1, pairingId, mountainCounty, partnerCounty,
          kind.name(), status.name(), nextStatus.name(), report.reportDate(), user, now));
    }
    long nextSequence = sequence + events.size();

    Project next = new Project(id, pairingId, mountainCounty, partnerCounty, name, externalCode, kind, hostCounty, nextPlan,
        investmentPlan, plannedStart, plannedCompletion, enclaveId, nextStatus, nextSuspendedFrom,
        report.reportDate(), nextInvestment, nextFunds, nextJobs, nextSequence, registeredBy, registeredAt, user, now);
    ProjectUpdate update = new ProjectUpdate(updateId, id, reportedSequence, report.reportDate(), nextStatus, status,
        nextInvestment, nextFunds, nextJobs, note, fieldsReported(report), warnings, user, now);
    return new Reported(next, update, List.copyOf(events));
  }

  private void checkReportDate(LocalDate reportDate, Clock clock, Violations violations) {
    if (reportDate == null) {
      return;
    }
    LocalDate today = LocalDate.now(clock);
    if (reportDate.isAfter(today)) {
      violations.add("reportDate", "future", "reportDate " + reportDate + " is after today (" + today + ")");
    }
    if (lastReportDate != null && reportDate.isBefore(lastReportDate)) {
      violations.add("reportDate", "before-last-report",
          "reportDate " + reportDate + " is before the last report (" + lastReportDate + ")");
    }
  }

  private static List<String> fieldsReported(ProgressReport report) {
    List<String> fields = new ArrayList<>();
    if (report.status() != null) {
      fields.add("status");
    }
    if (report.cumulativeInvestment() != null) {
      fields.add("cumulativeInvestment");
    }
    if (report.fundsInPlace() != null) {
      fields.add("fundsInPlace");
    }
    if (report.jobsCreated() != null) {
      fields.add("jobsCreated");
    }
    if (report.note() != null) {
      fields.add("note");
    }
    if (report.plannedInvestment() != null) {
      fields.add("plannedInvestment");
    }
    return List.copyOf(fields);
  }
}
