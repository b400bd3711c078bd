package org.shanhai.payouts.village;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.shanhai.events.value.Money;

class VillageTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2021-07-01T04:00:00Z"), ZoneId.of("Asia/Shanghai"));
  private static final Money THRESHOLD = Money.of("100000.00");

  @Test
  void aVillageUnderTheThresholdIsWeakForThatYearAndACorrectionReplacesTheReport() {
    Village jubao = Village.register("v1", new VillageRegistration("聚宝村", "330822", null), "o", CLOCK);

    Village.Reported weak = jubao.report(new ReportedIncome(2020, new BigDecimal("99999.99")), THRESHOLD, "o",
        CLOCK);
    assertThat(weak.event().weak()).isTrue();
    assertThat(weak.village().weakIn(2020)).isTrue();

    Village.Reported corrected = weak.village().report(new ReportedIncome(2020, new BigDecimal("100000.00")),
        THRESHOLD, "o", CLOCK);
    assertThat(corrected.village().incomeReports()).hasSize(1);
    assertThat(corrected.village().weakIn(2020)).isFalse();
    assertThat(corrected.event().sequence()).isEqualTo(2);
  }
}
