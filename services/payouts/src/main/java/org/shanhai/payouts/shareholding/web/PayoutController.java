package org.shanhai.payouts.shareholding.web;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import org.shanhai.events.value.CountyCode;
import org.shanhai.events.value.Money;
import org.shanhai.events.value.ProjectId;
import org.shanhai.payouts.shareholding.Payout;
import org.shanhai.payouts.shareholding.PayoutLine;
import org.shanhai.payouts.shareholding.PayoutQuery;
import org.shanhai.payouts.shareholding.PayoutStatus;
import org.shanhai.payouts.shareholding.Shareholding;
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

/** The payout schedule: list and filter payouts, record disbursements. */
@RestController
@RequestMapping("/api/v1/payouts")
class PayoutController {

  private final ShareholdingService shareholdings;
  private final RequestContext context;

  PayoutController(ShareholdingService shareholdings, RequestContext context) {
    this.shareholdings = shareholdings;
    this.context = context;
  }

  record DisbursementResponse(String id, Money amount, LocalDate paidOn, String reference, String recordedBy) {
  }

  record PayoutResponse(String id, String shareholdingId, ProjectId projectId, String pairingId,
      CountyCode mountainCounty, CountyCode partnerCounty, String holderName, int villageCount, int year,
      LocalDate dueDate, Money guaranteedAmount, Money paidAmount, Money outstanding, PayoutStatus status,
      List<DisbursementResponse> disbursements) {

    static PayoutResponse of(PayoutLine line) {
      Shareholding s = line.shareholding();
      Payout p = line.payout();
      return new PayoutResponse(line.id(), s.id(), s.projectId(), s.pairingId(), s.mountainCounty(), s.partnerCounty(),
          s.holder().name(), s.holder().villageCount(), p.year(), p.dueDate(), p.guaranteedAmount(), p.paidAmount(),
          p.outstanding(), p.status(), p.disbursements().stream().map(d -> new DisbursementResponse(d.id(),
              d.amount(), d.paidOn(), d.reference(), d.recordedBy())).toList());
    }
  }

  @GetMapping
  @Operation(summary = "List payouts by status, county, project, village and year, by due date")
  Mono<Page<PayoutResponse>> list(@RequestParam(required = false) PayoutStatus status,
      @RequestParam(required = false) CountyCode county, @RequestParam(required = false) ProjectId project,
      @RequestParam(required = false) String village, @RequestParam(required = false) Integer year,
      PageRequest page) {
    Violations violations = new Violations();
    RequestContext.id("village", village, violations);
    violations.check(year == null || (year >= 2003 && year <= 2100), "year", "out-of-range", "year is from 2003 to 2100");
    RequestContext.rejectQueryIfAny(violations);
    return shareholdings.payouts(new PayoutQuery(county, project, village, status, year), page)
        .map(p -> p.map(PayoutResponse::of));
  }

  @GetMapping("/{id}")
  @Operation(summary = "Fetch a payout (<shareholding id>-<year>) with its payments")
  Mono<PayoutResponse> get(@PathVariable String id) {
    return shareholdings.payout(id).map(PayoutResponse::of);
  }

  @PostMapping("/{id}/disbursements")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Record money paid towards a payout",
      description = "Partial payments are fine; paying more than is outstanding, or a paid payout, is not.")
  Mono<ResponseEntity<PayoutResponse>> disburse(@PathVariable String id, @RequestBody PaymentRequest body,
      Actor actor, @RequestHeader(name = RequestContext.IDEMPOTENCY_KEY, required = false) String key) {
    return shareholdings.disburse(id, body.toCommand(), context.fingerprint(body), actor, key)
        .map(written -> RequestContext.created("/api/v1/payouts/" + id, written.replayed())
            .body(PayoutResponse.of(written.value())));
  }
}
