package org.shanhai.projects.pairing.web;

import java.time.Clock;

import io.swagger.v3.oas.annotations.Operation;
import org.shanhai.events.value.CountyCode;
import org.shanhai.projects.pairing.PairingService;
import org.shanhai.web.RequestContext;
import org.shanhai.web.access.Actor;
import org.shanhai.web.paging.Page;
import org.shanhai.web.paging.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Register a pairing of a mountain county with a partner county",
      description = "One running pairing per two counties: a second answers 409 and names the running one in `existing`.")
  Mono<ResponseEntity<PairingResponse>> register(@RequestBody RegisterPairingRequest body, Actor actor,
      @RequestHeader(name = RequestContext.IDEMPOTENCY_KEY, required = false) String key) {
    return pairings.register(body.toCommand(), context.fingerprint(body), actor, key)
        .map(written -> RequestContext.created("/api/v1/pairings/" + written.value().id(), written.replayed())
            .body(PairingResponse.of(written.value(), clock)));
  }

  @GetMapping
  @Operation(summary = "List pairings, optionally those of one county (on either side)")
  Mono<Page<PairingResponse>> list(@RequestParam(required = false) CountyCode county, PageRequest page) {
    return pairings.list(county, page).map(p -> p.map(pairing -> PairingResponse.of(pairing, clock)));
  }

  @PostMapping("/{id}/end")
  @Operation(summary = "End a running pairing with its last year",
      description = "The two counties can then be paired again. Ending it again with the same year changes nothing.")
  Mono<PairingResponse> end(@PathVariable String id, @RequestBody EndPairingRequest body, Actor actor) {
    return pairings.end(id, body.until(), actor).map(p -> PairingResponse.of(p, clock));
  }

  @GetMapping("/{id}")
  @Operation(summary = "Fetch a pairing")
  Mono<PairingResponse> get(@PathVariable String id) {
    return pairings.find(id).map(p -> PairingResponse.of(p, clock));
  }
}
