package org.shanhai.projects.project;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.shanhai.events.Warning;

/**
 * An accepted progress update, as the project stood after it: a figure the officer left out
 * carries its last reported value, and {@code fieldsReported} says which ones were actually sent.
 *
 * @param requestHash fingerprint of the request, to tell an idempotent replay from a reused key
 */
public record ProjectUpdate(
    String id,
    String projectId,
    long sequence,
    LocalDate reportDate,
    ProjectStatus status,
    ProjectStatus previousStatus,
    BigDecimal cumulativeInvestment,
    BigDecimal fundsInPlace,
    Integer jobsCreated,
    String note,
    List<String> fieldsReported,
    List<Warning> warnings,
    String submittedBy,
    Instant submittedAt,
    String requestHash) {
}
