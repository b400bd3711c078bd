package org.shanhai.console.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.ResponseEntity;
import reactor.core.publisher.Mono;

/** The payouts service as the console uses it: shareholdings and the yearly payouts they owe. */
public final class PayoutsApi {

  private static final ParameterizedTypeReference<Page<Payout>> PAYOUTS = new ParameterizedTypeReference<>() { };
  private static final ParameterizedTypeReference<Page<Shareholding>> SHAREHOLDINGS =
      new ParameterizedTypeReference<>() { };

  private final ServiceApi api;

  public PayoutsApi(ServiceApi api) {
    this.api = api;
  }

  public record Holder(String name, Integer villageCount) {
  }

  public record Income(int year, BigDecimal income, boolean weak) {
  }

  public record Village(String id, String name, String township, String county, boolean weak, List<Income> incomeReports) {

    public Village {
      incomeReports = incomeReports == null ? List.of() : List.copyOf(incomeReports);
    }

    /** The latest year's income report, or null before any. */
    public Income latestIncome() {
      return incomeReports.stream().max(Comparator.comparingInt(Income::year)).orElse(null);
    }
  }

  /** Money paid towards a payout, as the API takes it. */
  public record Payment(BigDecimal amount, LocalDate paidOn, String reference) {
  }

  public record Shareholding(String id, String projectId, Holder holder, BigDecimal capital, String returnType,
      BigDecimal guaranteedRate, BigDecimal annualAmount, Integer firstPayoutYear, Integer lastPayoutYear) {
  }

  public record Disbursement(String id, BigDecimal amount, LocalDate paidOn, String reference, String recordedBy) {
  }

  public record Payout(String id, String shareholdingId, String projectId, String mountainCounty,
      String partnerCounty, String holderName, int year,
      LocalDate dueDate, BigDecimal guaranteedAmount, BigDecimal paidAmount, BigDecimal outstanding, String status,
      List<Disbursement> disbursements) {

    public Payout {
      disbursements = disbursements == null ? List.of() : List.copyOf(disbursements);
    }
  }

  /** Every payout due in {@code year}. */
  public Mono<List<Payout>> payoutsOf(int year) {
    return api.all(uri -> uri.path("/api/v1/payouts").queryParam("year", year), PAYOUTS);
  }

  /** Every payout owed to the villages of a mountain county, every year. */
  public Mono<List<Payout>> payoutsOfCounty(String county) {
    return api.all(uri -> uri.path("/api/v1/payouts").queryParam("county", county), PAYOUTS);
  }

  public Mono<List<Shareholding>> shareholdingsOfCounty(String county) {
    return api.all(uri -> uri.path("/api/v1/shareholdings").queryParam("county", county), SHAREHOLDINGS);
  }

  public Mono<List<Village>> villages(String county) {
    return api.all(uri -> uri.path("/api/v1/villages").queryParam("county", county),
        new ParameterizedTypeReference<Page<Village>>() { });
  }

  /** Records money paid towards a payout, once for the form's {@code idempotencyKey}. */
  public Mono<Payout> disburse(String payoutId, Payment payment, String idempotencyKey) {
    return api.post(uri -> uri.path("/api/v1/payouts/{id}/disbursements").build(payoutId), payment,
        headers -> headers.set("Idempotency-Key", idempotencyKey), Payout.class).mapNotNull(ResponseEntity::getBody);
  }

  public Mono<List<Shareholding>> shareholdings(String projectId) {
    return api.all(uri -> uri.path("/api/v1/shareholdings").queryParam("project", projectId), SHAREHOLDINGS);
  }

  public Mono<List<Payout>> payouts(String projectId) {
    return api.all(uri -> uri.path("/api/v1/payouts").queryParam("project", projectId), PAYOUTS);
  }
}
