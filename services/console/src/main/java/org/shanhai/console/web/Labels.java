package org.shanhai.console.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import org.shanhai.console.ConsoleProperties;
import org.shanhai.console.api.ProjectsApi.County;
import org.springframework.stereotype.Component;

/**
 * How figures read on the pages ({@code ${@labels.yuan(amount, #locale)}} in the templates): amounts
 * in yuan the way officers say them (3.50亿元, 1,200万元), times in the programme's zone.
 */
@Component("labels")
public class Labels {

  private static final BigDecimal WAN = BigDecimal.valueOf(10_000);
  private static final BigDecimal YI = BigDecimal.valueOf(100_000_000);
  private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
  private static final BigDecimal BILLION = BigDecimal.valueOf(1_000_000_000);
  private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final ConsoleProperties settings;

  public Labels(ConsoleProperties settings) {
    this.settings = settings;
  }

  /** An amount in yuan: in 亿元 from a hundred million, in 万元 from ten thousand (Chinese); in millions (English). */
  public String yuan(BigDecimal amount, Locale locale) {
    if (amount == null) {
      return "—";
    }
    BigDecimal size = amount.abs();
    if (!Language.CHINESE.getLanguage().equals(locale.getLanguage())) {
      if (size.compareTo(BILLION) >= 0) {
        return "¥" + number(amount.divide(BILLION), 2, locale) + " billion";
      }
      return size.compareTo(MILLION) >= 0 ? "¥" + number(amount.divide(MILLION), 2, locale) + " million"
          : "¥" + number(amount, 2, locale);
    }
    if (size.compareTo(YI) >= 0) {
      return number(amount.divide(YI), 2, locale) + "亿元";
    }
    return size.compareTo(WAN) >= 0 ? number(amount.divide(WAN), 2, locale) + "万元" : number(amount, 2, locale) + "元";
  }

  /** {@code part} as a whole percentage of {@code whole}, or null when the whole is unknown or zero. */
  public Integer percent(BigDecimal part, BigDecimal whole) {
    if (part == null || whole == null || whole.signum() == 0) {
      return null;
    }
    return part.multiply(BigDecimal.valueOf(100)).divide(whole, 0, RoundingMode.HALF_UP).intValue();
  }

  public String date(LocalDate date) {
    return date == null ? "—" : date.toString();
  }

  /** A moment as the programme's local date and time. */
  public String time(Instant instant) {
    return instant == null ? "—" : MINUTES.format(instant.atZone(settings.zone()));
  }

  /** A county's name in the page's language, or its code when the list does not have it. */
  public String county(Map<String, County> counties, String code, Locale locale) {
    County county = code == null ? null : counties.get(code);
    if (county == null) {
      return code == null ? "—" : code;
    }
    return Language.CHINESE.getLanguage().equals(locale.getLanguage()) ? county.nameZh() : county.nameEn();
  }

  private static String number(BigDecimal value, int decimals, Locale locale) {
    NumberFormat format = NumberFormat.getNumberInstance(locale);
    format.setMaximumFractionDigits(decimals);
    format.setMinimumFractionDigits(0);
    return format.format(value.setScale(decimals, RoundingMode.HALF_UP));
  }
}
