package org.shanhai.events.projects;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.shanhai.events.value.CountyCode;
import org.shanhai.events.value.Money;
import org.shanhai.events.value.ProjectId;

/**
 * A cooperation project was registered under a pairing. The counties of the pairing travel with
 * it so consumers can label and route without asking the projects service. {@code plannedInvestment}
 * is null when it was not known at registration (an enclave is often registered long before).
 */
public record ProjectRegistered(
    ProjectId projectId,
    long sequence,
    String pairingId,
    CountyCode mountainCounty,
    CountyCode partnerCounty,
    String name,
    String kind,
    CountyCode hostCounty,
    Money plannedInvestment,
    List<InvestmentPlanPoint> investmentPlan,
    LocalDate plannedStart,
    LocalDate plannedCompletion,
    ProjectId enclaveId,
    String status,
    String registeredBy,
    Instant registeredAt) implements ProjectEvent {

  public static final String TYPE = "shanhai.project.registered.v1";

  @Override
  public String aggregateId() {
    return projectId.value();
  }
}
