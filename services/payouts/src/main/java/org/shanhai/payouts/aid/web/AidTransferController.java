package org.shanhai.payouts.aid.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;
import org.shanhai.events.Warning;
import org.shanhai.payouts.aid.AidTransfer;
import org.shanhai.payouts.aid.AidTransferService;
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

/** Aid-fund transfers: record a commitment or a disbursement, list and fetch them. */
@RestController
@RequestMapping("/api/v1/aid-transfers")
class AidTransferController {

  private final AidTransferService transfers;
  private final RequestContext context;

  AidTransferController(AidTransferService transfers, RequestContext context) {
    this.transfers = transfers;
    this.context = context;
  }

  record TransferResponse(String id, String pairingId, String fromCounty, String toCounty, String projectId,
      String villageId, AidTransfer.TransactionType transactionType,
      @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, LocalDate date, String purpose,
      List<Warning> warnings, String recordedBy, Instant recordedAt) {

    static TransferResponse of(AidTransfer t) {
      return new TransferResponse(t.id(), t.pairingId(), t.fromCounty(), t.toCounty(), t.projectId(), t.villageId(),
          t.type(), t.amount(), t.date(), t.purpose(), t.warnings(), t.recordedBy(), t.recordedAt());
    }
  }

  @PostMapping
  Mono<ResponseEntity<TransferResponse>> record(@RequestBody AidTransfer.Request body,
      @RequestHeader(name = RequestContext.USER, required = false) String user,
      @RequestHeader(name = RequestContext.IDEMPOTENCY_KEY, required = false) String key) {
    String actor = context.user(user);
    return transfers.record(body, context.fingerprint(body), actor, key)
        .map(r -> RequestContext.created("/api/v1/aid-transfers/" + r.transfer().id(), r.replayed())
            .body(TransferResponse.of(r.transfer())));
  }

  @GetMapping
  Mono<Page<TransferResponse>> list(@RequestParam(required = false) String pairing,
      @RequestParam(required = false) String county, @RequestParam(required = false) String project,
      @RequestParam(required = false) String village, @RequestParam(required = false) String type,
      @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
    Violations violations = new Violations();
    RequestContext.id("pairing", pairing, violations);
    RequestContext.countyCode("county", county, violations);
    RequestContext.id("project", project, violations);
    RequestContext.id("village", village, violations);
    AidTransfer.TransactionType wanted = violations.enumValue("type", type, AidTransfer.TransactionType.class);
    PageRequest request = PageRequest.of(page, size, violations);
    RequestContext.rejectQueryIfAny(violations);
    return transfers.search(pairing, county, project, village, wanted).map(TransferResponse::of).collectList()
        .map(all -> Page.of(all, request));
  }

  @GetMapping("/{id}")
  Mono<TransferResponse> get(@PathVariable String id) {
    return transfers.find(id).map(TransferResponse::of);
  }
}
