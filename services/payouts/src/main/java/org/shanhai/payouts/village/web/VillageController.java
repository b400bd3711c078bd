package org.shanhai.payouts.village.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;
import org.shanhai.payouts.village.Village;
import org.shanhai.payouts.village.VillageService;
import org.shanhai.web.RequestContext;
import org.shanhai.web.paging.Page;
import org.shanhai.web.paging.PageRequest;
import org.shanhai.web.validation.Violations;
import org.springframework.http.HttpStatus;
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

  record IncomeResponse(int year, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal income,
      @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal threshold, boolean weak, String reportedBy,
      Instant reportedAt) {
  }

  record VillageResponse(String id, String name, String county, String township, boolean weak,
      List<IncomeResponse> incomeReports, String registeredBy, Instant registeredAt) {

    static VillageResponse of(Village v) {
      return new VillageResponse(v.id(), v.name(), v.county(), v.township(), v.weakNow(),
          v.incomeReports().stream().map(r -> new IncomeResponse(r.year(), r.income(), r.threshold(), r.weak(),
              r.reportedBy(), r.reportedAt())).toList(),
          v.registeredBy(), v.registeredAt());
    }
  }

  @PostMapping
  Mono<ResponseEntity<VillageResponse>> register(@RequestBody Village.Registration body,
      @RequestHeader(name = RequestContext.USER, required = false) String user,
      @RequestHeader(name = RequestContext.IDEMPOTENCY_KEY, required = false) String key) {
    String actor = context.user(user);
    return villages.register(body, context.fingerprint(body), actor, key)
        .map(r -> RequestContext.created("/api/v1/villages/" + r.village().id(), r.replayed())
            .body(VillageResponse.of(r.village())));
  }

  @GetMapping
  Mono<Page<VillageResponse>> list(@RequestParam(required = false) String county,
      @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
    Violations violations = new Violations();
    RequestContext.countyCode("county", county, violations);
    PageRequest request = PageRequest.of(page, size, violations);
    RequestContext.rejectQueryIfAny(violations);
    return villages.list(county, request).map(p -> p.map(VillageResponse::of));
  }

  @GetMapping("/{id}")
  Mono<VillageResponse> get(@PathVariable String id) {
    return villages.find(id).map(VillageResponse::of);
  }

  /** A year's collective operating income; reporting a year again corrects it. */
  @PostMapping("/{id}/income-reports")
  Mono<ResponseEntity<VillageResponse>> report(@PathVariable String id, @RequestBody Village.IncomeRequest body,
      @RequestHeader(name = RequestContext.USER, required = false) String user) {
    String actor = context.user(user);
    return villages.report(id, body, actor)
        .map(r -> ResponseEntity.status(HttpStatus.CREATED).body(VillageResponse.of(r.village())));
  }
}
