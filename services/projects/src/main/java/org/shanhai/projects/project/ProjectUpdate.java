package org.shanhai.projects.project;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.shanhai.events.Warning;
import org.shanhai.events.value.Money;
import org.shanhai.events.value.ProjectId;

/**
 * An accepted progress update, as the project stood after it: a figure the officer left out
 * carries its last reported value, and {@code fieldsReported} says which ones were actually sent.
 */
public record ProjectUpdate(
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
}
