package org.shanhai.payouts.summary;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

import org.shanhai.events.value.CountyCode;
import org.shanhai.events.value.Money;
import org.shanhai.payouts.projection.PairingView;
import org.shanhai.payouts.projection.Projections;
import org.shanhai.payouts.shareholding.Payout;
import org.shanhai.payouts.shareholding.PayoutStatus;
import org.shanhai.payouts.shareholding.Shareholding;
import org.shanhai.payouts.shareholding.ShareholdingQuery;
import org.shanhai.payouts.shareholding.ShareholdingService;
import org.shanhai.payouts.village.Village;
import org.shanhai.payouts.village.VillageStore;
import org.shanhai.web.validation.InvalidInput;
import reactor.core.publisher.Mono;

/** Computes {@link PayoutSummary} from the shareholdings and villages in scope, on request. */
public class SummaryService {

  private final ShareholdingService shareholdings;
  private final VillageStore villages;
  private final Projections projections;
  private final Clock clock;

  public SummaryService(ShareholdingService shareholdings, VillageStore villages, Projections projections,
      Clock clock) {
    this.shareholdings = shareholdings;
    this.villages = villages;
    this.projections = projections;
    this.clock = clock;
  }

  public Mono<PayoutSummary> summarise(CountyCode county, String pairingId, Integer year) {
    Mono<CountyCode> villageCounty = pairingId == null ? Mono.justOrEmpty(county)
        : projections.pairing(pairingId).map(PairingView::mountainCounty)
            .switchIfEmpty(Mono.error(() -> new InvalidInput("pairing", "unknown", "pairing " + pairingId
                + " is not known to the payouts service")));
    return villageCounty.map(Optional::of).defaultIfEmpty(Optional.empty())
        .flatMap(c -> Mono.zip(shareholdings.all(new ShareholdingQuery(county, pairingId, null, null)).collectList(),
            villages.inCounty(c.orElse(null)).collectList()))
        .map(found -> {
          List<Shareholding> held = found.getT1();
          List<Village> inCounty = found.getT2();
          LocalDate today = LocalDate.now(clock);
          if (year != null) {
            return figures(year, held, inCounty, today, null);
          }
          TreeSet<Integer> years = new TreeSet<>();
          held.forEach(s -> s.payouts().forEach(p -> years.add(p.year())));
          List<PayoutSummary> perYear = years.stream().map(y -> figures(y, held, inCounty, today, null)).toList();
          return figures(null, held, inCounty, today, perYear);
        });
  }

  private static PayoutSummary figures(Integer year, List<Shareholding> held, List<Village> inCounty,
      LocalDate today, List<PayoutSummary> perYear) {
    List<Shareholding> inScope = held.stream()
        .filter(s -> year == null || s.payouts().stream().anyMatch(p -> p.year() == year)).toList();
    List<Payout> payouts = inScope.stream().flatMap(s -> s.payouts().stream())
        .filter(p -> year == null || p.year() == year).toList();
    Money guaranteed = sum(payouts, Payout::guaranteedAmount);
    Money paid = sum(payouts, Payout::paidAmount);
    Money overdue = sum(payouts.stream().filter(p -> p.status() == PayoutStatus.OVERDUE).toList(), Payout::outstanding);
    Money shortfall = sum(payouts, p -> p.shortfall(today));
    long weak = inCounty.stream().filter(v -> year == null ? v.weakNow() : v.weakIn(year)).count();
    Money capital = inScope.stream().map(Shareholding::capital).filter(Objects::nonNull).reduce(Money.ZERO, Money::plus);
    return new PayoutSummary(year, capital, guaranteed, paid, guaranteed.minus(paid), overdue, shortfall,
        inScope.stream().mapToInt(s -> s.holder().villageCount()).sum(), weak, perYear);
  }

  private static Money sum(List<Payout> payouts, Function<Payout, Money> amount) {
    return payouts.stream().map(amount).filter(Objects::nonNull).reduce(Money.ZERO, Money::plus);
  }
}
