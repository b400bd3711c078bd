package org.shanhai.messaging.metrics;

import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

/**
 * A figure with one row per combination of bounded labels (county, partner, kind, year, …),
 * recomputed as a whole on a schedule: each refresh replaces every row, so a combination that no
 * longer has any data disappears instead of keeping its last value. Micrometer's {@link MultiGauge}.
 */
public final class GaugeTable {

  private final MultiGauge gauge;

  private GaugeTable(MultiGauge gauge) {
    this.gauge = gauge;
  }

  /** @param unit the base unit, e.g. {@code yuan}; null for a count */
  public static GaugeTable register(MeterRegistry meters, String name, String unit, String description) {
    MultiGauge.Builder builder = MultiGauge.builder(name).description(description);
    return new GaugeTable((unit == null ? builder : builder.baseUnit(unit)).register(meters));
  }

  public void replace(Map<Tags, ? extends Number> rows) {
    List<MultiGauge.Row<?>> replaced = rows.entrySet().stream()
        .<MultiGauge.Row<?>>map(e -> MultiGauge.Row.of(e.getKey(), e.getValue())).toList();
    gauge.register(replaced, true);
  }
}
