package org.shanhai.alerts.rule.web;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.shanhai.alerts.alert.Severity;
import org.shanhai.alerts.rule.RuleConfig;
import org.shanhai.alerts.rule.RuleId;
import org.shanhai.alerts.rule.RuleService;
import org.shanhai.web.RequestContext;
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

  /** What an officer sends; every field is optional and absent ones keep their value. */
  record RuleChange(Boolean enabled, String severity, @JsonProperty("for") Duration forDuration,
      Duration escalateAfter, Boolean escalate, Map<String, String> params) {
  }

  @GetMapping
  Mono<Page<RuleResponse>> list() {
    return rules.book().map(book -> {
      List<RuleResponse> all = Arrays.stream(RuleId.values()).map(book::of).map(RuleResponse::of).toList();
      return new Page<>(all, 0, all.size(), all.size());
    });
  }

  @GetMapping("/{id}")
  Mono<ResponseEntity<RuleResponse>> get(@PathVariable String id) {
    return rules.get(id).map(c -> ResponseEntity.ok().eTag(RequestContext.etag(c.version())).body(RuleResponse.of(c)));
  }

  @PutMapping("/{id}")
  Mono<ResponseEntity<RuleResponse>> change(@PathVariable String id, @RequestBody RuleChange body,
      @RequestHeader(name = RequestContext.USER, required = false) String user,
      @RequestHeader(name = "If-Match", required = false) String ifMatch) {
    String actor = context.user(user);
    Long version = context.ifMatch(ifMatch);
    return rules.change(id, new RuleConfig.Change(body.enabled(), body.severity(), body.forDuration(),
            body.escalateAfter(), body.escalate(), body.params()), actor, version)
        .map(c -> ResponseEntity.ok().eTag(RequestContext.etag(c.version())).body(RuleResponse.of(c)));
  }
}
