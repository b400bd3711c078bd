package org.shanhai.projects.project.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;
import org.shanhai.events.Warning;
import org.shanhai.projects.project.ProjectUpdate;

/** An accepted update: the project's figures as of {@code reportDate}, which fields were reported, and any warnings. */
record UpdateResponse(
    String id,
    String projectId,
    long sequence,
    LocalDate reportDate,
    String status,
    String previousStatus,
    @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal cumulativeInvestment,
    @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal fundsInPlace,
    Integer jobsCreated,
    String note,
    List<String> fieldsReported,
    List<Warning> warnings,
    String submittedBy,
    Instant submittedAt) {

  static UpdateResponse of(ProjectUpdate u) {
    return new UpdateResponse(u.id(), u.projectId(), u.sequence(), u.reportDate(), u.status().name(),
        u.previousStatus().name(), u.cumulativeInvestment(), u.fundsInPlace(), u.jobsCreated(), u.note(),
        u.fieldsReported(), u.warnings(), u.submittedBy(), u.submittedAt());
  }
}
