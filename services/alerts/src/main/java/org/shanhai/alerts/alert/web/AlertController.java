package org.shanhai.alerts.alert.web;

import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

import io.swagger.v3.oas.annotations.Operation;
import org.shanhai.alerts.alert.Alert;
import org.shanhai.alerts.alert.AlertQuery;
import org.shanhai.alerts.alert.AlertService;
import org.shanhai.alerts.alert.AlertState;
import org.shanhai.alerts.rule.RuleId;
import org.shanhai.alerts.rule.Severity;
import org.shanhai.events.value.CountyCode;
import org.shanhai.events.value.ProjectId;
import org.shanhai.web.RequestContext;
import org.shanhai.web.access.Actor;
import org.shanhai.web.paging.Page;
import org.shanhai.web.paging.PageRequest;
import org.shanhai.web.validation.Violations;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Alerts: listed with filters, fetched, acknowledged and resolved by officers. */
@RestController
@RequestMapping("/api/v1/alerts")
class AlertController {

  private final AlertService alerts;

  AlertController(AlertService alerts) {
    this.alerts = alerts;
  }

  /** An alert as the API shows it; labels are GB/T county codes and ids, evidence figures are strings. */
  record AlertResponse(String id, String fingerprint, int occurrence, String rule, Severity severity,
      AlertState state, String subjectType, String subjectId, CountyCode county, CountyCode partner, String pairing,
      ProjectId project, String kind, String summary, Map<String, String> evidence, Instant activeSince,
      Instant firedAt, Instant escalatedAt, Instant acknowledgedAt, String acknowledgedBy, Instant resolvedAt,
      String resolvedBy, String resolution, String note) {

    static AlertResponse of(Alert a) {
      return new AlertResponse(a.id(), a.fingerprint(), a.occurrence(), a.rule().id(), a.severity(), a.state(),
          a.subject().type().name(), a.subject().id(), a.subject().county(), a.subject().partner(),
          a.subject().pairing(), a.subject().project(), a.subject().kind(), a.finding().summary(),
          new TreeMap<>(a.finding().evidence()), a.activeSince(), a.firedAt(), a.escalatedAt(), a.acknowledgedAt(),
          a.acknowledgedBy(), a.resolvedAt(), a.resolvedBy(), a.resolution(), a.note());
    }
  }

  @GetMapping
  @Operation(summary = "List alerts by state, rule, severity, county, partner, pairing and project, newest first")
  Mono<Page<AlertResponse>> search(@RequestParam(required = false) AlertState state,
      @RequestParam(required = false) String rule, @RequestParam(required = false) Severity severity,
      @RequestParam(required = false) CountyCode county, @RequestParam(required = false) CountyCode partner,
      @RequestParam(required = false) String pairing, @RequestParam(required = false) ProjectId project,
      PageRequest page) {
    Violations violations = new Violations();
    violations.check(rule == null || RuleId.byId(rule).isPresent(), "rule", "unknown-value",
        "rule is one of " + Arrays.stream(RuleId.values()).map(RuleId::id).toList());
    RequestContext.id("pairing", pairing, violations);
    RequestContext.rejectQueryIfAny(violations);
    return alerts.search(new AlertQuery(state, rule, severity, county, partner, pairing, project), page)
        .map(p -> p.map(AlertResponse::of));
  }

  @GetMapping("/{id}")
  @Operation(summary = "Fetch an alert")
  Mono<AlertResponse> get(@PathVariable String id) {
    return alerts.find(id).map(AlertResponse::of);
  }

  @PostMapping("/{id}/acknowledge")
  @Operation(summary = "Acknowledge a firing alert: somebody takes it on, and it no longer escalates")
  Mono<ResponseEntity<AlertResponse>> acknowledge(@PathVariable String id,
      @RequestBody(required = false) NoteRequest body, Actor actor) {
    return alerts.acknowledge(id, actor, body == null ? null : body.note())
        .map(a -> ResponseEntity.ok(AlertResponse.of(a)));
  }

  @PostMapping("/{id}/resolve")
  @Operation(summary = "Resolve an alert by hand, saying why", description = "It does not reopen until its condition "
      + "has cleared once.")
  Mono<ResponseEntity<AlertResponse>> resolve(@PathVariable String id, @RequestBody(required = false) NoteRequest body,
      Actor actor) {
    return alerts.resolve(id, actor, body == null ? null : body.note())
        .map(a -> ResponseEntity.ok(AlertResponse.of(a)));
  }
}
