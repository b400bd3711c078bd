package org.shanhai.alerts.rule.web;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import org.shanhai.alerts.rule.RuleConfig;
import org.shanhai.alerts.rule.RuleId;
import org.shanhai.alerts.rule.RuleService;
import org.shanhai.alerts.rule.Severity;
import org.shanhai.web.RequestContext;
import org.shanhai.web.access.Actor;
import org.shanhai.web.paging.Page;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The rules' settings: read them, change them ({@code ETag}/{@code If-Match} guard concurrent changes). */
@RestController
@RequestMapping("/api/v1/rules")
class RuleController {

  private final RuleService rules;
  private final RequestContext context;

  RuleController(RuleService rules, RequestContext context) {
    this.rules = rules;
    this.context = context;
  }

  record RuleResponse(String id, boolean enabled, Severity severity, @JsonProperty("for") Duration forDuration,
      Duration escalateAfter, Map<String, String> params, long version, String updatedBy, Instant updatedAt) {

    static RuleResponse of(RuleConfig c) {
      return new RuleResponse(c.rule().id(), c.enabled(), c.severity(), c.forDuration(), c.escalateAfter(),
          c.sortedParams(), c.version(), c.updatedBy(), c.updatedAt());
    }
  }

  @GetMapping
  @Operation(summary = "List the rules with their settings")
  Mono<Page<RuleResponse>> list() {
    return rules.book().map(book -> {
      List<RuleResponse> all = Arrays.stream(RuleId.values()).map(book::of).map(RuleResponse::of).toList();
      return new Page<>(all, 0, all.size(), all.size());
    });
  }

  @GetMapping("/{id}")
  @Operation(summary = "Fetch a rule's settings", description = "With its version as ETag, for If-Match on a change.")
  Mono<ResponseEntity<RuleResponse>> get(@PathVariable String id) {
    return rules.get(id).map(c -> ResponseEntity.ok().eTag(RequestContext.etag(c.version())).body(RuleResponse.of(c)));
  }

  @PutMapping("/{id}")
  @Operation(summary = "Change a rule: on or off, severity, for, escalation, thresholds")
  Mono<ResponseEntity<RuleResponse>> change(@PathVariable String id, @RequestBody ChangeRuleRequest body, Actor actor,
      @RequestHeader(name = "If-Match", required = false) String ifMatch) {
    Long version = context.ifMatch(ifMatch);
    return rules.change(id, body.toCommand(), actor, version)
        .map(c -> ResponseEntity.ok().eTag(RequestContext.etag(c.version())).body(RuleResponse.of(c)));
  }
}
