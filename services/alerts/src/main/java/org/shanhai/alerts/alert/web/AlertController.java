package org.shanhai.alerts.alert.web;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import org.shanhai.alerts.alert.Alert;
import org.shanhai.alerts.alert.AlertQuery;
import org.shanhai.alerts.alert.AlertService;
import org.shanhai.alerts.alert.AlertState;
import org.shanhai.alerts.alert.Severity;
import org.shanhai.alerts.rule.RuleId;
import org.shanhai.web.RequestContext;
import org.shanhai.web.paging.Page;
import org.shanhai.web.paging.PageRequest;
import org.shanhai.web.validation.Violations;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Alerts: listed with filters, fetched, acknowledged and resolved by officers. */
@RestController
@RequestMapping("/api/v1/alerts")
class AlertController {

  private final AlertService alerts;
  private final RequestContext context;

  AlertController(AlertService alerts, RequestContext context) {
    this.alerts = alerts;
    this.context = context;
  }

  /** An alert as the API shows it; labels are GB/T county codes and ids, evidence figures are strings. */
  record AlertResponse(String id, String fingerprint, int occurrence, String rule, Severity severity,
      AlertState state, String subjectType, String subjectId, String county, String partner, String pairing,
      String project, String kind, String summary, Map<String, String> evidence, Instant activeSince,
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

  /** What an officer sends with an acknowledgement (optional) or a resolution (required: say why). */
  record NoteRequest(String note) {
  }

  @GetMapping
  Mono<Page<AlertResponse>> search(@RequestParam(required = false) String state,
      @RequestParam(required = false) String rule, @RequestParam(required = false) String severity,
      @RequestParam(required = false) String county, @RequestParam(required = false) String partner,
      @RequestParam(required = false) String pairing, @RequestParam(required = false) String project,
      @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
    Violations violations = new Violations();
    AlertState wantedState = violations.enumValue("state", state, AlertState.class);
    Severity wantedSeverity = violations.enumValue("severity", severity, Severity.class);
    violations.check(rule == null || RuleId.byId(rule).isPresent(), "rule", "unknown-value",
        "rule is one of " + java.util.Arrays.stream(RuleId.values()).map(RuleId::id).toList());
    RequestContext.countyCode("county", county, violations);
    RequestContext.countyCode("partner", partner, violations);
    RequestContext.id("pairing", pairing, violations);
    RequestContext.id("project", project, violations);
    PageRequest request = PageRequest.of(page, size, violations);
    RequestContext.rejectQueryIfAny(violations);
    return alerts.search(new AlertQuery(wantedState, rule, wantedSeverity, county, partner, pairing, project), request)
        .map(p -> p.map(AlertResponse::of));
  }

  @GetMapping("/{id}")
  Mono<AlertResponse> get(@PathVariable String id) {
    return alerts.find(id).map(AlertResponse::of);
  }

  @PostMapping("/{id}/acknowledge")
  Mono<ResponseEntity<AlertResponse>> acknowledge(@PathVariable String id,
      @RequestBody(required = false) NoteRequest body,
      @RequestHeader(name = RequestContext.USER, required = false) String user) {
    String actor = context.user(user);
    return alerts.acknowledge(id, actor, body == null ? null : body.note())
        .map(a -> ResponseEntity.ok(AlertResponse.of(a)));
  }

  @PostMapping("/{id}/resolve")
  Mono<ResponseEntity<AlertResponse>> resolve(@PathVariable String id, @RequestBody(required = false) NoteRequest body,
      @RequestHeader(name = RequestContext.USER, required = false) String user) {
    String actor = context.user(user);
    return alerts.resolve(id, actor, body == null ? null : body.note()).map(a -> ResponseEntity.ok(AlertResponse.of(a)));
  }
}
