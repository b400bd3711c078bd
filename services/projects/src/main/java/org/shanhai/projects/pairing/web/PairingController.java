package org.shanhai.projects.pairing.web;

import java.time.Clock;

import org.shanhai.web.paging.Page;
import org.shanhai.web.paging.PageRequest;
import org.shanhai.projects.pairing.Pairing;
import org.shanhai.projects.pairing.PairingService;
import org.shanhai.web.validation.Violations;
import org.shanhai.web.RequestContext;
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

/** Pairings: register one, end one, list them (optionally those of one county), fetch one. */
@RestController
@RequestMapping("/api/v1/pairings")
class PairingController {

  private final PairingService pairings;
  private final RequestContext context;
  private final Clock clock;

  PairingController(PairingService pairings, RequestContext context, Clock clock) {
    this.pairings = pairings;
    this.context = context;
    this.clock = clock;
  }

  @PostMapping
  Mono<ResponseEntity<PairingResponse>> register(@RequestBody Pairing.Registration body,
      @RequestHeader(name = RequestContext.USER, required = false) String user,
      @RequestHeader(name = RequestContext.IDEMPOTENCY_KEY, required = false) String key) {
    String actor = context.user(user);
    return pairings.register(body, context.fingerprint(body), actor, key)
        .map(outcome -> RequestContext.created("/api/v1/pairings/" + outcome.pairing().id(),
                outcome.replayed())
            .body(PairingResponse.of(outcome.pairing(), clock)));
  }

  @GetMapping
  Mono<Page<PairingResponse>> list(@RequestParam(required = false) String county,
      @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
    Violations violations = new Violations();
    RequestContext.countyCode("county", county, violations);
    PageRequest request = PageRequest.of(page, size, violations);
    RequestContext.rejectQueryIfAny(violations);
    return pairings.list(county, request).map(p -> p.map(pairing -> PairingResponse.of(pairing, clock)));
  }

  /** The last year of a running pairing: {@code {"until": 2020}}. */
  record EndRequest(Integer until) {
  }

  @PostMapping("/{id}/end")
  Mono<PairingResponse> end(@PathVariable String id, @RequestBody EndRequest body,
      @RequestHeader(name = RequestContext.USER, required = false) String user) {
    String actor = context.user(user);
    return pairings.end(id, body.until(), actor).map(p -> PairingResponse.of(p, clock));
  }

  @GetMapping("/{id}")
  Mono<PairingResponse> get(@PathVariable String id) {
    return pairings.find(id).map(p -> PairingResponse.of(p, clock));
  }
}
