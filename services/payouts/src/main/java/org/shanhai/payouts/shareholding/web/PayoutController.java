package org.shanhai.payouts.shareholding.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;
import org.shanhai.payouts.shareholding.Payout;
import org.shanhai.payouts.shareholding.PayoutStatus;
import org.shanhai.payouts.shareholding.Shareholding;
import org.shanhai.payouts.shareholding.ShareholdingService;
import org.shanhai.payouts.summary.PayoutSummary;
import org.shanhai.payouts.summary.SummaryService;
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

/** The payout schedule: list and filter payouts, record disbursements, and the money summary. */
@RestController
@RequestMapping("/api/v1/payouts")
class PayoutController {

  private final ShareholdingService shareholdings;
  private final SummaryService summaries;
  private final RequestContext context;

  PayoutController(ShareholdingService shareholdings, SummaryService summaries, RequestContext context) {
    this.shareholdings = shareholdings;
    this.summaries = summaries;
    this.context = context;
  }

  record DisbursementResponse(String id, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount,
      LocalDate paidOn, String reference, String recordedBy) {
  }

  record PayoutResponse(String id, String shareholdingId, String projectId, String pairingId, String mountainCounty,
      String partnerCounty, String holderName, int villageCount, int year, LocalDate dueDate,
      @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal guaranteedAmount,
      @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal paidAmount,
      @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal outstanding, PayoutStatus status,
      List<DisbursementResponse> disbursements) {

    static PayoutResponse of(ShareholdingService.PayoutLine line) {
      Shareholding s = line.shareholding();
      Payout p = line.payout();
      return new PayoutResponse(Shareholding.payoutId(s.id(), p.year()), s.id(), s.projectId(), s.pairingId(),
          s.mountainCounty(), s.partnerCounty(), s.holder().name(), s.holder().villageCount(), p.year(), p.dueDate(),
          p.guaranteedAmount(), p.paidAmount(), p.outstanding(), p.status(),
          p.disbursements().stream().map(d -> new DisbursementResponse(d.id(), d.amount(), d.paidOn(), d.reference(),
              d.recordedBy())).toList());
    }
  }

  @GetMapping
  Mono<Page<PayoutResponse>> list(@RequestParam(required = false) String status,
      @RequestParam(required = false) String county, @RequestParam(required = false) String project,
      @RequestParam(required = false) String village, @RequestParam(required = false) Integer year,
      @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
    Violations violations = new Violations();
    PayoutStatus wanted = violations.enumValue("status", status, PayoutStatus.class);
    RequestContext.countyCode("county", county, violations);
    RequestContext.id("project", project, violations);
    RequestContext.id("village", village, violations);
    violations.check(year == null || (year >= 2003 && year <= 2100), "year", "out-of-range", "year is from 2003 to 2100");
    PageRequest request = PageRequest.of(page, size, violations);
    RequestContext.rejectQueryIfAny(violations);
    return shareholdings.payouts(county, project, village, wanted, year)
        .map(all -> Page.of(all, request).map(PayoutResponse::of));
  }

  /** Totals for a county or pairing; with {@code year} that year's, without it all years with a per-year breakdown. */
  @GetMapping("/summary")
  Mono<PayoutSummary> summary(@RequestParam(required = false) String county,
      @RequestParam(required = false) String pairing, @RequestParam(required = false) Integer year) {
    Violations violations = new Violations();
    RequestContext.countyCode("county", county, violations);
    RequestContext.id("pairing", pairing, violations);
    violations.check(year == null || (year >= 2003 && year <= 2100), "year", "out-of-range", "year is from 2003 to 2100");
    RequestContext.rejectQueryIfAny(violations);
    return summaries.summarise(county, pairing, year);
  }

  @GetMapping("/{id}")
  Mono<PayoutResponse> get(@PathVariable String id) {
    return shareholdings.payout(id).map(PayoutResponse::of);
  }

  /** A payment towards the payout; partial payments are fine, paying more than is outstanding is not. */
  @PostMapping("/{id}/disbursements")
  Mono<ResponseEntity<PayoutResponse>> disburse(@PathVariable String id,
      @RequestBody Shareholding.DisbursementRequest body,
      @RequestHeader(name = RequestContext.USER, required = false) String user,
      @RequestHeader(name = RequestContext.IDEMPOTENCY_KEY, required = false) String key) {
    String actor = context.user(user);
    return shareholdings.disburse(id, body, actor, key)
        .map(line -> ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/v1/payouts/" + id))
            .body(PayoutResponse.of(line)));
  }
}
