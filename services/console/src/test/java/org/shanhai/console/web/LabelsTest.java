package org.shanhai.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.shanhai.console.ConsoleProperties;

class LabelsTest {

  private final Labels labels = new Labels(new ConsoleProperties(null, null, null, null, Period.ofMonths(1),
      ZoneId.of("Asia/Shanghai"), 300));

  @ParameterizedTest
  @CsvSource({
      "930000000, 9.3亿元",
      "93000000, '9,300万元'",
      "9300000, 930万元",
      "17200000.50, '1,720万元'",
      "12345, 1.23万元",
      "8000, '8,000元'",
      "0, 0元",
      "-50000, -5万元"})
  void readsAmountsTheWayOfficersSayThem(BigDecimal yuan, String shown) {
    assertThat(labels.yuan(yuan, Language.CHINESE)).isEqualTo(shown);
  }

  @ParameterizedTest
  @CsvSource({"40000000000, ¥40 billion", "93000000, ¥93 million", "8000, '¥8,000'"})
  void inEnglishInMillionsAndBillions(BigDecimal yuan, String shown) {
    assertThat(labels.yuan(yuan, Locale.ENGLISH)).isEqualTo(shown);
  }

  @Test
  void anUnknownAmountIsADashNotZero() {
    assertThat(labels.yuan(null, Language.CHINESE)).isEqualTo("—");
    assertThat(labels.percent(BigDecimal.ONE, null)).isNull();
  }

  @Test
  void formsTakeAmountsInWanAndTimesAreZhejiangs() {
    assertThat(FormInput.wan(new BigDecimal("93000000.00"))).isEqualTo("9300");
    assertThat(FormInput.wan(new BigDecimal("12345.00"))).isEqualTo("1.2345");
    assertThat(FormInput.yuan("1,250.5")).isEqualTo(new BigDecimal("12505000.00"));
    assertThat(labels.time(Instant.parse("2021-12-31T16:30:00Z"))).isEqualTo("2022-01-01 00:30");
    assertThat(labels.percent(new BigDecimal("30"), new BigDecimal("93"))).isEqualTo(32);
  }
}
