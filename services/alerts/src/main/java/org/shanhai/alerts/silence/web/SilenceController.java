package org.shanhai.alerts.silence.web;

import java.time.Clock;
import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import org.shanhai.alerts.matcher.Matchers;
import org.shanhai.alerts.silence.Silence;
import org.shanhai.alerts.silence.SilenceService;
import org.shanhai.web.RequestContext;
import org.shanhai.web.access.Actor;
import org.shanhai.web.paging.Page;
import org.shanhai.web.paging.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
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
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Silence the alerts some matchers select for a while",
      description = "Silenced alerts still fire and show; they are not notified.")
  Mono<ResponseEntity<SilenceResponse>> create(@RequestBody CreateSilenceRequest body, Actor actor,
      @RequestHeader(name = RequestContext.IDEMPOTENCY_KEY, required = false) String key) {
    return silences.create(body.toCommand(), context.fingerprint(body), actor, key)
        .map(written -> RequestContext.created("/api/v1/silences/" + written.value().id(), written.replayed())
            .body(SilenceResponse.of(written.value(), clock.instant())));
  }

  @GetMapping
  @Operation(summary = "List silences, optionally those in one state (pending, active, expired)")
  Mono<Page<SilenceResponse>> list(@RequestParam(required = false) Silence.State state, PageRequest page) {
    Instant now = clock.instant();
    return silences.list(state, page).map(p -> p.map(s -> SilenceResponse.of(s, now)));
  }

  @GetMapping("/{id}")
  @Operation(summary = "Fetch a silence")
  Mono<SilenceResponse> get(@PathVariable String id) {
    return silences.find(id).map(s -> SilenceResponse.of(s, clock.instant()));
  }

  @DeleteMapping("/{id}")
  @Operation(summary = "Expire a silence now", description = "It stays listed, as EXPIRED.")
  Mono<SilenceResponse> expire(@PathVariable String id, Actor actor) {
    return silences.expire(id, actor).map(s -> SilenceResponse.of(s, clock.instant()));
  }
}
