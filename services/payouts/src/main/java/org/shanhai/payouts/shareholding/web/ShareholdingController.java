package org.shanhai.payouts.shareholding.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;
import org.shanhai.payouts.shareholding.Holder;
import org.shanhai.payouts.shareholding.ReturnType;
import org.shanhai.payouts.shareholding.Shareholding;
import org.shanhai.payouts.shareholding.ShareholdingService;
import org.shanhai.web.RequestContext;
import org.shanhai.web.paging.Page;
import org.shanhai.web.paging.PageRequest;
import org.shanhai.web.validation.Violations;
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

  record ShareholdingResponse(String id, String projectId, String pairingId, String mountainCounty,
      String partnerCounty, Holder holder, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal capital,
      ReturnType returnType, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal guaranteedRate,
      @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal fixedAnnualAmount,
      @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal annualAmount, String payoutMonthDay,
      int firstPayoutYear, int lastPayoutYear, List<String> payoutIds, String registeredBy, Instant registeredAt) {

    static ShareholdingResponse of(Shareholding s) {
      BigDecimal annual = s.returnType() == ReturnType.FIXED ? s.fixedAnnualAmount()
          : s.capital().multiply(s.guaranteedRate()).setScale(2, RoundingMode.HALF_UP);
      return new ShareholdingResponse(s.id(), s.projectId(), s.pairingId(), s.mountainCounty(), s.partnerCounty(),
          s.holder(), s.capital(), s.returnType(), s.guaranteedRate(), s.fixedAnnualAmount(), annual,
          s.payoutMonthDay().toString().substring(2), s.firstPayoutYear(), s.lastPayoutYear(),
          s.payouts().stream().map(p -> Shareholding.payoutId(s.id(), p.year())).toList(), s.registeredBy(),
          s.registeredAt());
    }
  }

  @PostMapping
  Mono<ResponseEntity<ShareholdingResponse>> register(@RequestBody Shareholding.Request body,
      @RequestHeader(name = RequestContext.USER, required = false) String user,
      @RequestHeader(name = RequestContext.IDEMPOTENCY_KEY, required = false) String key) {
    String actor = context.user(user);
    return shareholdings.register(body, context.fingerprint(body), actor, key)
        .map(r -> RequestContext.created("/api/v1/shareholdings/" + r.shareholding().id(), r.replayed())
            .body(ShareholdingResponse.of(r.shareholding())));
  }

  @GetMapping
  Mono<Page<ShareholdingResponse>> list(@RequestParam(required = false) String county,
      @RequestParam(required = false) String project, @RequestParam(required = false) String village,
      @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
    Violations violations = new Violations();
    RequestContext.countyCode("county", county, violations);
    RequestContext.id("project", project, violations);
    RequestContext.id("village", village, violations);
    PageRequest request = PageRequest.of(page, size, violations);
    RequestContext.rejectQueryIfAny(violations);
    return shareholdings.search(county, null, project, village).map(ShareholdingResponse::of).collectList()
        .map(all -> Page.of(all, request));
  }

  @GetMapping("/{id}")
  Mono<ShareholdingResponse> get(@PathVariable String id) {
    return shareholdings.find(id).map(ShareholdingResponse::of);
  }
}
