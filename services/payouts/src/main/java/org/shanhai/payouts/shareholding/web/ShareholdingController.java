package org.shanhai.payouts.shareholding.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.swagger.v3.oas.annotations.Operation;
import org.shanhai.events.value.CountyCode;
import org.shanhai.events.value.Money;
import org.shanhai.events.value.ProjectId;
import org.shanhai.payouts.shareholding.Holder;
import org.shanhai.payouts.shareholding.ReturnType;
import org.shanhai.payouts.shareholding.Shareholding;
import org.shanhai.payouts.shareholding.ShareholdingQuery;
import org.shanhai.payouts.shareholding.ShareholdingService;
import org.shanhai.web.RequestContext;
import org.shanhai.web.access.Actor;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Village shareholdings in enclaves and parks; registering one schedules its payouts. */
@RestController
@RequestMapping("/api/v1/shareholdings")
class ShareholdingController {

  private final ShareholdingService shareholdings;
  private final RequestContext context;

  ShareholdingController(ShareholdingService shareholdings, RequestContext context) {
    this.shareholdings = shareholdings;
    this.context = context;
  }

  record ShareholdingResponse(String id, ProjectId projectId, String pairingId, CountyCode mountainCounty,
      CountyCode partnerCounty, Holder holder, Money capital, ReturnType returnType,
      @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal guaranteedRate, Money fixedAnnualAmount,
      Money annualAmount, String payoutMonthDay, int firstPayoutYear, int lastPayoutYear, List<String> payoutIds,
      String registeredBy, Instant registeredAt) {

    static ShareholdingResponse of(Shareholding s) {
      return new ShareholdingResponse(s.id(), s.projectId(), s.pairingId(), s.mountainCounty(), s.partnerCounty(),
          s.holder(), s.capital(), s.returnType(), s.guaranteedRate(), s.fixedAnnualAmount(), s.annualAmount(),
          s.payoutMonthDay().toString().substring(2), s.firstPayoutYear(), s.lastPayoutYear(),
          s.payouts().stream().map(p -> Shareholding.payoutId(s.id(), p.year())).toList(), s.registeredBy(),
          s.registeredAt());
    }
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Register village collectives' stake in an enclave or park, scheduling its payouts")
  Mono<ResponseEntity<ShareholdingResponse>> register(@RequestBody RegisterShareholdingRequest body, Actor actor,
      @RequestHeader(name = RequestContext.IDEMPOTENCY_KEY, required = false) String key) {
    return shareholdings.register(body.toCommand(), context.fingerprint(body), actor, key)
        .map(written -> RequestContext.created("/api/v1/shareholdings/" + written.value().id(), written.replayed())
            .body(ShareholdingResponse.of(written.value())));
  }

  @GetMapping
  @Operation(summary = "List shareholdings by county, project or village")
  Mono<Page<ShareholdingResponse>> list(@RequestParam(required = false) CountyCode county,
      @RequestParam(required = false) ProjectId project, @RequestParam(required = false) String village,
      PageRequest page) {
    Violations violations = new Violations();
    RequestContext.id("village", village, violations);
    RequestContext.rejectQueryIfAny(violations);
    return shareholdings.search(new ShareholdingQuery(county, null, project, village), page)
        .map(p -> p.map(ShareholdingResponse::of));
  }

  @GetMapping("/{id}")
  @Operation(summary = "Fetch a shareholding with the ids of its payouts")
  Mono<ShareholdingResponse> get(@PathVariable String id) {
    return shareholdings.find(id).map(ShareholdingResponse::of);
  }
}
