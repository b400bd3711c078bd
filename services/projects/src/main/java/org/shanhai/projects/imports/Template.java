package org.shanhai.projects.imports;

import java.util.List;
import java.util.Map;

import org.shanhai.projects.imports.Column.Type;

/**
 * What an import template holds: the header row (each column's Chinese label, an amount's unit
 * after it) and an example row.
 */
public record Template(ImportKind kind, List<Column> columns, List<String> headers, List<String> example) {

  private static final Map<String, String> EXAMPLES = Map.ofEntries(
      Map.entry("mountainCounty", "常山县"), Map.entry("partnerCounty", "慈溪市"),
      Map.entry("externalCode", "CS-2026-001"), Map.entry("name", "常山—慈溪产业飞地二期"),
      Map.entry("kind", "产业飞地"), Map.entry("hostCounty", "慈溪市"), Map.entry("plannedInvestment", "93000000"),
      Map.entry("plannedStart", "2026-03-01"), Map.entry("plannedCompletion", "2027-12-31"),
      Map.entry("status", "已签约"), Map.entry("reportDate", "2026-06-30"),
      Map.entry("cumulativeInvestment", "12500000"), Map.entry("fundsInPlace", "30000000"),
      Map.entry("jobsCreated", "45"), Map.entry("note", "一期厂房主体完工"));

  public static Template of(ImportKind kind) {
    List<Column> columns = Columns.of(kind);
    List<String> headers = columns.stream().map(Template::header).toList();
    List<String> example = columns.stream()
        .map(c -> kind == ImportKind.UPDATES && c.field().equals("status") ? "在建"
            : kind == ImportKind.UPDATES && c.field().equals("plannedInvestment") ? ""
            : EXAMPLES.getOrDefault(c.field(), ""))
        .toList();
    return new Template(kind, columns, headers, example);
  }

  /** The header a template gives a column: its label, with the unit of an amount or a head count. */
  static String header(Column column) {
    return column.label() + (column.type() == Type.AMOUNT ? "（元）" : column.type() == Type.INTEGER ? "（人）" : "");
  }

  /** How the explanation sheet describes what a column takes. */
  public static String format(Column column) {
    return switch (column.type()) {
      case TEXT -> "文字";
      case DATE -> "日期";
      case AMOUNT -> "金额（元，最多两位小数）";
      case INTEGER -> "整数";
      case CHOICE -> "选项：" + String.join("、", column.choiceLabels());
      case COUNTY -> "县名或六位代码";
    };
  }
}
