package org.shanhai.projects.project.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.shanhai.events.Warning;
import org.shanhai.events.value.Money;
import org.shanhai.events.value.ProjectId;
import org.shanhai.projects.project.ProjectStatus;
import org.shanhai.projects.project.ProjectUpdate;

/** An accepted update: the project's figures as of {@code reportDate}, which fields were reported, and any warnings. */
record UpdateResponse(
    String id,
    ProjectId projectId,
    long sequence,
    LocalDate reportDate,
    ProjectStatus status,
    ProjectStatus previousStatus,
    Money cumulativeInvestment,
    Money fundsInPlace,
    Integer jobsCreated,
    String note,
    List<String> fieldsReported,
    List<Warning> warnings,
    String submittedBy,
    Instant submittedAt) {

  static UpdateResponse of(ProjectUpdate u) {
    return new UpdateResponse(u.id(), u.projectId(), u.sequence(), u.reportDate(), u.status(), u.previousStatus(),
        u.cumulativeInvestment(), u.fundsInPlace(), u.jobsCreated(), u.note(), u.fieldsReported(), u.warnings(),
        u.submittedBy(), u.submittedAt());
  }
}
