package org.shanhai.alerts.projection;

import java.math.BigDecimal;

/** A village collective and its latest reported year of income. */
public record VillageView(String villageId, String name, String county, int year, BigDecimal income) {
}
