package org.shanhai.payouts.aid.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import org.shanhai.events.Warning;
import org.shanhai.events.value.CountyCode;
import org.shanhai.events.value.Money;
import org.shanhai.events.value.ProjectId;
import org.shanhai.payouts.aid.AidTransfer;
import org.shanhai.payouts.aid.AidTransferQuery;
import org.shanhai.payouts.aid.AidTransferService;
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

  record TransferResponse(String id, String pairingId, CountyCode fromCounty, CountyCode toCounty, ProjectId projectId,
      String villageId, AidTransfer.TransactionType transactionType, Money amount, LocalDate date, String purpose,
      List<Warning> warnings, String recordedBy, Instant recordedAt) {

    static TransferResponse of(AidTransfer t) {
      return new TransferResponse(t.id(), t.pairingId(), t.fromCounty(), t.toCounty(), t.projectId(), t.villageId(),
          t.type(), t.amount(), t.date(), t.purpose(), t.warnings(), t.recordedBy(), t.recordedAt());
    }
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Record an aid-fund commitment or disbursement (援建资金)",
      description = "Disbursing beyond what was committed is accepted with a warning.")
  Mono<ResponseEntity<TransferResponse>> record(@RequestBody RecordTransferRequest body, Actor actor,
      @RequestHeader(name = RequestContext.IDEMPOTENCY_KEY, required = false) String key) {
    return transfers.record(body.toCommand(), context.fingerprint(body), actor, key)
        .map(written -> RequestContext.created("/api/v1/aid-transfers/" + written.value().id(), written.replayed())
            .body(TransferResponse.of(written.value())));
  }

  @GetMapping
  @Operation(summary = "List aid transfers by pairing, county, project, village and type, oldest first")
  Mono<Page<TransferResponse>> list(@RequestParam(required = false) String pairing,
      @RequestParam(required = false) CountyCode county, @RequestParam(required = false) ProjectId project,
      @RequestParam(required = false) String village,
      @RequestParam(required = false) AidTransfer.TransactionType type, PageRequest page) {
    Violations violations = new Violations();
    RequestContext.id("pairing", pairing, violations);
    RequestContext.id("village", village, violations);
    RequestContext.rejectQueryIfAny(violations);
    return transfers.search(new AidTransferQuery(pairing, county, project, village, type), page)
        .map(p -> p.map(TransferResponse::of));
  }

  @GetMapping("/{id}")
  @Operation(summary = "Fetch an aid transfer")
  Mono<TransferResponse> get(@PathVariable String id) {
    return transfers.find(id).map(TransferResponse::of);
  }
}
