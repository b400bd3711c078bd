package org.shanhai.console.dividends;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.shanhai.console.api.ApiRefusal;
import org.shanhai.console.api.PayoutsApi.Payout;
import org.shanhai.console.api.PayoutsApi;
import org.shanhai.console.api.Problem;
import org.shanhai.console.api.Problem.FieldError;
import org.shanhai.console.web.FormInput;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Mono;

/**
 * A mountain county's village collectives and their dividends: the shareholdings, each year's payout
 * with its status (overdue and short ones marked), and the villages' incomes. The partner side's
 * officers (and the province) record money paid towards a payout here.
 */
@Controller
class DividendsController {

  private final PayoutsApi payouts;

  DividendsController(PayoutsApi payouts) {
    this.payouts = payouts;
  }

  @GetMapping("/counties/{county}/dividends")
  Mono<Rendering> dividends(@PathVariable String county, @RequestParam(required = false) String recorded) {
    return page(county, null, null, Map.of()).map(page -> page.modelAttribute("recorded", recorded).build());
  }

  @PostMapping("/counties/{county}/payouts/{id}/disbursements")
  Mono<Rendering> disburse(@PathVariable String county, @PathVariable String id, @ModelAttribute DisbursementForm form) {
    Map<String, String> unreadable = form.unreadable();
    if (!unreadable.isEmpty()) {
      Map<String, FieldError> errors = FormInput.fieldErrors(unreadable);
      return page(county, id, form, errors).map(page -> page.status(HttpStatus.UNPROCESSABLE_CONTENT).build());
    }
    return payouts.disburse(id, form.toPayment(), form.key())
        .map(paid -> Rendering.redirectTo("/counties/" + county + "/dividends?recorded=" + id + "#payout-" + id).build())
        .onErrorResume(ApiRefusal.class, refusal -> refusal.status() == 422 || refusal.status() == 400
            || refusal.status() == 409
            ? page(county, id, form, refusal.problem().errors().isEmpty()
                ? Map.of(Problem.FORM, new FieldError(null, "form.error.payment-conflict", null))
                : refusal.problem().byField(DisbursementForm::shows))
                .map(page -> page.status(HttpStatus.valueOf(refusal.status())).build())
            : Mono.error(refusal));
  }

  /** The page, with {@code form} and its {@code errors} shown at the payout {@code failed} when saving it failed. */
  private Mono<Rendering.Builder<?>> page(String county, String failed, DisbursementForm form,
      Map<String, FieldError> errors) {
    return Mono.zip(payouts.shareholdingsOfCounty(county), payouts.payoutsOfCounty(county), payouts.villages(county))
        .map(found -> Rendering.view("dividends")
            .modelAttribute("county", county)
            .modelAttribute("shareholdings", found.getT1())
            .modelAttribute("payouts", found.getT2().stream()
                .sorted(Comparator.comparingInt(Payout::year).reversed().thenComparing(Payout::holderName)).toList())
            .modelAttribute("villages", found.getT3())
            .modelAttribute("failed", failed)
            .modelAttribute("form", form)
            .modelAttribute("errors", errors)
            .modelAttribute("summary", DividendSummary.of(found.getT2())));
  }

  /** What the county's villages were owed and paid over the years, and how many payouts are overdue or short. */
  record DividendSummary(BigDecimal guaranteed, BigDecimal paid, long overdue, long shortPaid) {

    static DividendSummary of(List<Payout> all) {
      return new DividendSummary(
          all.stream().map(Payout::guaranteedAmount).filter(Objects::nonNull)
              .reduce(BigDecimal.ZERO, BigDecimal::add),
          all.stream().map(Payout::paidAmount).filter(Objects::nonNull)
              .reduce(BigDecimal.ZERO, BigDecimal::add),
          all.stream().filter(p -> "OVERDUE".equals(p.status())).count(),
          all.stream().filter(p -> "PARTIALLY_PAID".equals(p.status())).count());
    }
  }
}
