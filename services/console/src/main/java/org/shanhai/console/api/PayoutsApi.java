package org.shanhai.console.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.springframework.core.ParameterizedTypeReference;
import reactor.core.publisher.Mono;

/** The payouts service as the console uses it: shareholdings and the yearly payouts they owe. */
public final class PayoutsApi {

  private final ServiceApi api;

  public PayoutsApi(ServiceApi api) {
    this.api = api;
  }

  public record Holder(String name, Integer villageCount) {
  }

  public record Shareholding(String id, String projectId, Holder holder, BigDecimal capital, String returnType,
      BigDecimal guaranteedRate, BigDecimal annualAmount, Integer firstPayoutYear, Integer lastPayoutYear) {
  }

  public record Disbursement(String id, BigDecimal amount, LocalDate paidOn, String reference, String recordedBy) {
  }

  public record Payout(String id, String shareholdingId, String projectId, String holderName, int year,
      LocalDate dueDate, BigDecimal guaranteedAmount, BigDecimal paidAmount, BigDecimal outstanding, String status,
      List<Disbursement> disbursements) {

    public Payout {
      disbursements = disbursements == null ? List.of() : List.copyOf(disbursements);
    }
  }

  public Mono<List<Shareholding>> shareholdings(String projectId) {
    return api.get(uri -> uri.path("/api/v1/shareholdings").queryParam("project", projectId)
            .queryParam("size", ProjectsApi.ALL).build(),
        new ParameterizedTypeReference<Page<Shareholding>>() { }).map(Page::items);
  }

  public Mono<List<Payout>> payouts(String projectId) {
    return api.get(uri -> uri.path("/api/v1/payouts").queryParam("project", projectId)
            .queryParam("size", ProjectsApi.ALL).build(),
        new ParameterizedTypeReference<Page<Payout>>() { }).map(Page::items);
  }
}
