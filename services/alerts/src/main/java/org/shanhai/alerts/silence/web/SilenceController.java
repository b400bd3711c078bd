package org.shanhai.alerts.silence.web;

import java.time.Clock;
import java.time.Instant;

import org.shanhai.alerts.alert.Matchers;
import org.shanhai.alerts.silence.Silence;
import org.shanhai.alerts.silence.SilenceService;
import org.shanhai.web.RequestContext;
import org.shanhai.web.paging.Page;
import org.shanhai.web.paging.PageRequest;
import org.shanhai.web.validation.Violations;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Silences: made with label matchers and a time window, listed with their state, expired by DELETE. */
@RestController
@RequestMapping("/api/v1/silences")
class SilenceController {

  private final SilenceService silences;
  private final RequestContext context;
  private final Clock clock;

  SilenceController(SilenceService silences, RequestContext context, Clock clock) {
    this.silences = silences;
    this.context = context;
    this.clock = clock;
  }

  record SilenceResponse(String id, Matchers matchers, Instant startsAt, Instant endsAt, Silence.State state,
      String comment, String createdBy, Instant createdAt) {

    static SilenceResponse of(Silence s, Instant now) {
      return new SilenceResponse(s.id(), s.matchers(), s.startsAt(), s.endsAt(), s.state(now), s.comment(),
          s.createdBy(), s.createdAt());
    }
  }

  @PostMapping
  Mono<ResponseEntity<SilenceResponse>> create(@RequestBody Silence.Request body,
      @RequestHeader(name = RequestContext.USER, required = false) String user) {
    String actor = context.user(user);
    return silences.create(body, actor).map(s -> RequestContext.created("/api/v1/silences/" + s.id(), false)
        .body(SilenceResponse.of(s, clock.instant())));
  }

  @GetMapping
  Mono<Page<SilenceResponse>> list(@RequestParam(required = false) String state,
      @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
    Violations violations = new Violations();
    Silence.State wanted = violations.enumValue("state", state, Silence.State.class);
    PageRequest request = PageRequest.of(page, size, violations);
    RequestContext.rejectQueryIfAny(violations);
    Instant now = clock.instant();
    return silences.list(wanted, request).map(p -> p.map(s -> SilenceResponse.of(s, now)));
  }

  @GetMapping("/{id}")
  Mono<SilenceResponse> get(@PathVariable String id) {
    return silences.find(id).map(s -> SilenceResponse.of(s, clock.instant()));
  }

  /** Expires the silence (it stays listed, as EXPIRED). */
  @DeleteMapping("/{id}")
  Mono<SilenceResponse> expire(@PathVariable String id,
      @RequestHeader(name = RequestContext.USER, required = false) String user) {
    context.user(user);
    return silences.expire(id).map(s -> SilenceResponse.of(s, clock.instant()));
  }
}
