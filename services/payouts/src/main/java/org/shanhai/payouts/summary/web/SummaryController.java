package org.shanhai.payouts.summary.web;

import io.swagger.v3.oas.annotations.Operation;
import org.shanhai.events.value.CountyCode;
import org.shanhai.payouts.summary.PayoutSummary;
import org.shanhai.payouts.summary.SummaryService;
import org.shanhai.web.RequestContext;
import org.shanhai.web.validation.Violations;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code GET /api/v1/payouts/summary}: what the villages are owed and were paid. */
@RestController
class SummaryController {

  private final SummaryService summaries;

  SummaryController(SummaryService summaries) {
    this.summaries = summaries;
  }

  @GetMapping("/api/v1/payouts/summary")
  @Operation(summary = "The money summary of a county or pairing",
      description = "With year, that year's figures; without it, all years with a per-year breakdown.")
  Mono<PayoutSummary> summary(@RequestParam(required = false) CountyCode county,
      @RequestParam(required = false) String pairing, @RequestParam(required = false) Integer year) {
    Violations violations = new Violations();
    RequestContext.id("pairing", pairing, violations);
    violations.check(year == null || (year >= 2003 && year <= 2100), "year", "out-of-range", "year is from 2003 to 2100");
    RequestContext.rejectQueryIfAny(violations);
    return summaries.summarise(county, pairing, year);
  }
}
