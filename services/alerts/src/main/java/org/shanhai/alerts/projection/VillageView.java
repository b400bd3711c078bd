package org.shanhai.alerts.projection;

import java.util.Map;
import java.util.TreeMap;

import org.shanhai.events.payouts.VillageIncomeReported;
import org.shanhai.events.value.CountyCode;
import org.shanhai.events.value.Money;

/** A village collective and the income it reported for each year; the rules look at the latest year. */
public record VillageView(String villageId, String name, CountyCode county, Map<Integer, Money> incomeByYear)
    implements SubjectView {

  public int latestYear() {
    return new TreeMap<>(incomeByYear).lastKey();
  }

  public Money latestIncome() {
    return incomeByYear.get(latestYear());
  }

  /** The view after a year's income report; reporting a year again replaces its figure. */
  static VillageView fold(VillageView current, VillageIncomeReported event) {
    Map<Integer, Money> byYear = new TreeMap<>(current == null ? Map.of() : current.incomeByYear());
    byYear.put(event.year(), event.income());
    return new VillageView(event.villageId(), event.villageName(), event.county(), Map.copyOf(byYear));
  }
}
