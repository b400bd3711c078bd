package org.shanhai.console.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The projects service as the console uses it: counties, pairings, projects and their updates. */
public final class ProjectsApi {

  private final ServiceApi api;

  public ProjectsApi(ServiceApi api) {
    this.api = api;
  }

  public record County(String code, String nameZh, String nameEn, String side) {
  }

  public record Pairing(String id, String mountainCounty, String partnerCounty, Integer since, Integer until,
      boolean active) {
  }

  public record PlanPoint(LocalDate date, BigDecimal cumulative) {
  }

  public record Project(String id, String pairingId, String name, String kind, String status, String mountainCounty,
      String partnerCounty, String hostCounty, BigDecimal plannedInvestment, BigDecimal cumulativeInvestment,
      BigDecimal fundsInPlace, Integer jobsCreated, LocalDate plannedStart, LocalDate plannedCompletion,
      LocalDate lastReportDate, List<PlanPoint> investmentPlan, long version, Instant registeredAt,
      String registeredBy) {

    public Project {
      investmentPlan = investmentPlan == null ? List.of() : List.copyOf(investmentPlan);
    }

    /** Whether work on it is still going on, so that it is expected to be reported on. */
    public boolean active() {
      return !List.of("COMPLETED", "IN_PRODUCTION", "CANCELLED").contains(status);
    }
  }

  public record Warning(String code, String field, String message) {
  }

  public record Update(String id, long sequence, LocalDate reportDate, String status, String previousStatus,
      BigDecimal cumulativeInvestment, BigDecimal fundsInPlace, Integer jobsCreated, String note,
      Instant submittedAt, String submittedBy, List<Warning> warnings) {

    public Update {
      warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }
  }

  /** A project's registration as the API takes it. */
  public record Registration(String pairingId, String name, String kind, String hostCounty, String status,
      BigDecimal plannedInvestment, List<PlanPoint> investmentPlan, LocalDate plannedStart,
      LocalDate plannedCompletion) {
  }

  /** A progress report as the API takes it; null fields are not reported. */
  public record Report(LocalDate reportDate, String status, BigDecimal cumulativeInvestment, BigDecimal fundsInPlace,
      BigDecimal plannedInvestment, Integer jobsCreated, String note) {
  }

  /** One mountain county's figures for a year (see the projects service's GET /api/v1/figures). */
  public record CountyFigures(String county, int projects, int started, int completed, BigDecimal invested,
      BigDecimal planned, BigDecimal completedAgainstPlan, int plannedUnknown) {
  }

  public record YearFigures(int year, List<CountyFigures> counties) {
  }

  public Mono<YearFigures> figures(int year) {
    return api.get(uri -> uri.path("/api/v1/figures").queryParam("year", year).build(), YearFigures.class);
  }

  public Mono<List<County>> counties() {
    return api.get(uri -> uri.path("/api/v1/counties").build(),
        new ParameterizedTypeReference<Page<County>>() { }).map(Page::items);
  }

  public Mono<List<Pairing>> pairings(String county) {
    return api.all(uri -> uri.path("/api/v1/pairings").queryParamIfPresent("county", Optional.ofNullable(county)),
        new ParameterizedTypeReference<Page<Pairing>>() { });
  }

  public Mono<List<Project>> projects(String county) {
    return api.all(uri -> uri.path("/api/v1/projects").queryParamIfPresent("county", Optional.ofNullable(county)),
        new ParameterizedTypeReference<Page<Project>>() { });
  }

  /** The pairings of an officer's counties (on either side); every pairing for the province (no counties). */
  public Mono<List<Pairing>> pairingsOf(List<String> scope) {
    return scope.isEmpty() ? pairings(null) : Flux.fromIterable(scope).flatMap(this::pairings)
        .flatMapIterable(found -> found).distinct(Pairing::id).collectList();
  }

  /** The projects of an officer's counties (on either side); every project for the province (no counties). */
  public Mono<List<Project>> projectsOf(List<String> scope) {
    return scope.isEmpty() ? projects(null) : Flux.fromIterable(scope).flatMap(this::projects)
        .flatMapIterable(found -> found).distinct(Project::id).collectList();
  }

  public Mono<Pairing> pairing(String id) {
    return api.get(uri -> uri.path("/api/v1/pairings/{id}").build(id), Pairing.class);
  }

  /** Registers a project, once for the form's {@code idempotencyKey}. */
  public Mono<Project> register(Registration registration, String idempotencyKey) {
    return api.post(uri -> uri.path("/api/v1/projects").build(), registration,
        headers -> headers.set("Idempotency-Key", idempotencyKey), Project.class).map(ResponseEntity::getBody);
  }

  public Mono<Project> project(String id) {
    return api.get(uri -> uri.path("/api/v1/projects/{id}").build(id), Project.class);
  }

  public Mono<List<Update>> updates(String projectId) {
    return api.all(uri -> uri.path("/api/v1/projects/{id}/updates"), new ParameterizedTypeReference<Page<Update>>() { },
        projectId);
  }

  /**
   * Checks a report without recording it ({@code dryRun}): the update it would make, with its
   * warnings, or an {@link ApiRefusal} with the errors at their fields.
   */
  public Mono<Update> check(String projectId, Report report) {
    return api.post(uri -> uri.path("/api/v1/projects/{id}/updates").queryParam("dryRun", true).build(projectId),
        report, headers -> { }, Update.class).map(ResponseEntity::getBody);
  }

  /**
   * Records a report. The idempotency key is the form's own, so a double click or a resent form
   * records it once; {@code version} (If-Match) refuses it if someone reported meanwhile.
   */
  public Mono<Update> report(String projectId, Report report, String idempotencyKey, long version) {
    return api.post(uri -> uri.path("/api/v1/projects/{id}/updates").build(projectId), report, headers -> {
      headers.set("Idempotency-Key", idempotencyKey);
      headers.set(HttpHeaders.IF_MATCH, "\"" + version + "\"");
    }, Update.class).map(ResponseEntity::getBody);
  }
}
