package org.shanhai.security.audit;

import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.shanhai.web.access.Actor;
import org.shanhai.web.paging.Page;
import org.shanhai.web.paging.PageRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The audit trail of this service, for the provincial task force, at {@code /api/v1/audit/<service>}
 * so that an ingress can route each service's trail to it.
 */
@RestController
@RequestMapping("/api/v1/audit/${spring.application.name}")
@Tag(name = "audit", description = "Who wrote what, and what was refused")
public class AuditController {

  private final AuditTrail trail;

  AuditController(AuditTrail trail) {
    this.trail = trail;
  }

  @GetMapping
  @Operation(summary = "List the audit trail, newest first (province only)",
      description = "Every write attempted (with its outcome: accepted, rejected, failed, or pending while it has "
          + "not been answered) and every request refused (401, 403, with the reason). `from` and `to` are "
          + "instants (`to` exclusive).")
  Mono<Page<AuditEntry>> list(@RequestParam(required = false) String actor,
      @RequestParam(required = false) AuditQuery.Outcome outcome, @RequestParam(required = false) Instant from,
      @RequestParam(required = false) Instant to, PageRequest page, Actor reader) {
    reader.requireProvince("the audit trail");
    return trail.search(new AuditQuery(actor, outcome, from, to), page);
  }
}
