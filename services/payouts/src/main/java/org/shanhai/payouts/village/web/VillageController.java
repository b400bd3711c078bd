package org.shanhai.payouts.village.web;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import org.shanhai.events.value.CountyCode;
import org.shanhai.events.value.Money;
import org.shanhai.payouts.village.Village;
import org.shanhai.payouts.village.VillageService;
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

/** Village collectives and their yearly income reports. */
@RestController
@RequestMapping("/api/v1/villages")
class VillageController {

  private final VillageService villages;
  private final RequestContext context;

  VillageController(VillageService villages, RequestContext context) {
    this.villages = villages;
    this.context = context;
  }

  record IncomeResponse(int year, Money income, Money threshold, boolean weak, String reportedBy, Instant reportedAt) {
  }

  record VillageResponse(String id, String name, CountyCode county, String township, boolean weak,
      List<IncomeResponse> incomeReports, String registeredBy, Instant registeredAt) {

    static VillageResponse of(Village v) {
      return new VillageResponse(v.id(), v.name(), v.county(), v.township(), v.weakNow(),
          v.incomeReports().stream().map(r -> new IncomeResponse(r.year(), r.income(), r.threshold(), r.weak(),
              r.reportedBy(), r.reportedAt())).toList(),
          v.registeredBy(), v.registeredAt());
    }
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Register a village collective of a mountain county")
  Mono<ResponseEntity<VillageResponse>> register(@RequestBody RegisterVillageRequest body, Actor actor,
      @RequestHeader(name = RequestContext.IDEMPOTENCY_KEY, required = false) String key) {
    return villages.register(body.toCommand(), context.fingerprint(body), actor, key)
        .map(written -> RequestContext.created("/api/v1/villages/" + written.value().id(), written.replayed())
            .body(VillageResponse.of(written.value())));
  }

  @GetMapping
  @Operation(summary = "List village collectives, optionally those of one county")
  Mono<Page<VillageResponse>> list(@RequestParam(required = false) CountyCode county, PageRequest page) {
    return villages.list(county, page).map(p -> p.map(VillageResponse::of));
  }

  @GetMapping("/{id}")
  @Operation(summary = "Fetch a village collective with its income reports")
  Mono<VillageResponse> get(@PathVariable String id) {
    return villages.find(id).map(VillageResponse::of);
  }

  @PostMapping("/{id}/income-reports")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Report a village's operating income for a year",
      description = "Reporting a year again corrects it. Under the threshold (100,000 yuan by default) the village "
          + "is weak that year (集体经济薄弱村).")
  Mono<ResponseEntity<VillageResponse>> report(@PathVariable String id, @RequestBody ReportIncomeRequest body,
      Actor actor) {
    return villages.report(id, body.toCommand(), actor)
        .map(r -> ResponseEntity.status(HttpStatus.CREATED).body(VillageResponse.of(r.village())));
  }
}
