package org.shanhai.projects.imports;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.shanhai.projects.county.Counties;
import org.shanhai.projects.county.County;
import org.shanhai.web.validation.Violations;

/**
 * How the text of a cell becomes a value of its column, adding a violation (named by the column's
 * API field) when it cannot: the same words the API would use, plus what the cell held.
 */
final class Cells {

  /** Dates as officers write them: 2026-06-30, 2026/6/30, 2026.6.30, 2026年6月30日, 20260630. */
  private static final Pattern DATE = Pattern.compile(
      "(\\d{4})\\s*(?:[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?|(\\d{2})(\\d{2}))");
  private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(,\\d{3})*|\\d*)(\\.\\d+)?");

  private Cells() {
  }

  /** The spreadsheet name of the column at {@code index} (0 → A, 26 → AA). */
  static String columnName(int index) {
    StringBuilder name = new StringBuilder();
    for (int i = index + 1; i > 0; i = (i - 1) / 26) {
      name.insert(0, (char) ('A' + (i - 1) % 26));
    }
    return name.toString();
  }

  static LocalDate date(Column column, String text, Violations v) {
    Matcher m = DATE.matcher(text);
    if (m.matches()) {
      try {
        int year = Integer.parseInt(m.group(1));
        return m.group(2) != null ? LocalDate.of(year, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)))
            : LocalDate.of(year, Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)));
      } catch (DateTimeException e) {
        v.add(column.field(), "no-such-date", column.label() + " “" + text + "” is not a date of the calendar");
        return null;
      }
    }
    v.add(column.field(), "odd-date", column.label() + " “" + text + "” is not a date this import reads; write it "
        + "year first, as 2026-06-30 (or 2026/6/30, 2026年6月30日), or make the cell a date");
    return null;
  }

  /** An amount in the column's unit (yuan, or 万元 at scale 4), in yuan; thousands separators allowed. */
  static BigDecimal amount(Column column, String text, int scale, Violations v) {
    BigDecimal number = number(column, text.replace("元", "").strip(), v);
    return number == null ? null : number.movePointRight(scale);
  }

  static Integer integer(Column column, String text, Violations v) {
    BigDecimal number = number(column, text.replace("人", "").strip(), v);
    if (number == null) {
      return null;
    }
    try {
      return number.stripTrailingZeros().intValueExact();
    } catch (ArithmeticException e) {
      v.add(column.field(), "not-a-whole-number", column.label() + " “" + text + "” is not a whole number");
      return null;
    }
  }

  private static BigDecimal number(Column column, String text, Violations v) {
    if (!NUMBER.matcher(text).matches() || text.equals("-") || text.equals("+") || text.isEmpty()) {
      v.add(column.field(), "not-a-number", column.label() + " “" + text + "” is not a number");
      return null;
    }
    return new BigDecimal(text.replace(",", ""));
  }

  /** The API name of a choice given by it or by its Chinese label, or null (with a violation listing the labels). */
  static String choice(Column column, String text, Violations v) {
    for (Map.Entry<String, String> choice : column.choices().entrySet()) {
      if (choice.getKey().equalsIgnoreCase(text.strip()) || choice.getValue().equals(text.strip())) {
        return choice.getKey();
      }
    }
    v.add(column.field(), "unknown-value", column.label() + " “" + text + "” is not one of "
        + String.join("、", column.choiceLabels()));
    return null;
  }

  /** A county given by its six-digit code or its name (常山县, or 常山), as its code. */
  static String county(Column column, String text, Counties counties, Violations v) {
    String name = text.strip();
    if (name.matches("\\d{6}")) {
      return name;
    }
    Optional<County> found = counties.all().stream()
        .filter(c -> c.nameZh().equals(name) || stem(c.nameZh()).equals(name)
            || c.nameEn().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)))
        .findFirst();
    if (found.isEmpty()) {
      v.add(column.field(), "unknown-county", column.label() + " “" + text
          + "” is not a county of the programme (give its name, e.g. 常山县, or its GB/T 2260 code)");
      return null;
    }
    return found.get().code();
  }

  private static String stem(String nameZh) {
    return nameZh.length() > 2 ? nameZh.substring(0, nameZh.length() - 1) : nameZh;
  }
}
