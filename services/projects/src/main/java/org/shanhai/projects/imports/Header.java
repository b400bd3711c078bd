package org.shanhai.projects.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.shanhai.projects.imports.Column.Type;
import org.shanhai.web.validation.InvalidInput;
import org.shanhai.web.validation.Violations;

/**
 * A file's header row read as columns: each name matched, ignoring case and spaces, to a column of
 * its kind by the API field name or the Chinese label. An amount column may give its unit after the
 * name, {@code 累计完成投资（万元）}: its amounts are then in 万元 (or 亿元). Names that match no column
 * are ignored (a 序号 column is common) and listed; a file without the columns it needs, or with one
 * column twice, is refused whole.
 *
 * @param names the header row as written
 * @param columns for each position, the column it holds, or null when ignored
 * @param scales for each position, the power of ten its amounts are in (4 for 万元)
 */
public record Header(ImportKind kind, List<String> names, List<Column> columns, List<Integer> scales) {

  private static final Pattern UNIT = Pattern.compile("^(.*)\\((元|万元|亿元|人)\\)$");
  private static final Map<String, Integer> SCALES = Map.of("元", 0, "万元", 4, "亿元", 8, "人", 0);

  /** Reads a header row, or throws {@link InvalidInput} naming every missing and repeated column. */
  public static Header of(ImportKind kind, List<String> names) {
    List<Column> columns = new ArrayList<>();
    List<Integer> scales = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    Violations v = new Violations();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i) == null ? "" : names.get(i);
      String key = normalise(name);
      Matcher unit = UNIT.matcher(key);
      String unitName = unit.matches() ? unit.group(2) : null;
      String bare = unit.matches() ? unit.group(1) : key;
      Optional<Column> found = Columns.of(kind).stream()
          .filter(c -> normalise(c.field()).equals(bare) || normalise(c.label()).equals(bare)).findFirst();
      Column column = found.orElse(null);
      int scale = 0;
      if (column != null && unitName != null) {
        boolean fits = column.type() == Type.AMOUNT ? !unitName.equals("人") : column.type() == Type.INTEGER
            && unitName.equals("人");
        if (!fits) {
          v.add(Cells.columnName(i), "wrong-unit", "column “" + name + "”: " + column.label() + " is not counted in "
              + unitName);
        }
        scale = SCALES.get(unitName);
      }
      if (column != null) {
        Integer earlier = seen.putIfAbsent(column.field(), i);
        if (earlier != null) {
          v.add(Cells.columnName(i), "duplicate-column", "columns " + Cells.columnName(earlier) + " (“"
              + names.get(earlier) + "”) and " + Cells.columnName(i) + " (“" + name + "”) are both " + column.label()
              + " (" + column.field() + ")");
        }
      }
      columns.add(column);
      scales.add(scale);
    }
    requireColumns(kind, seen, v);
    v.throwIfAny();
    return new Header(kind, List.copyOf(names.stream().map(n -> n == null ? "" : n).toList()),
        java.util.Collections.unmodifiableList(columns), List.copyOf(scales));
  }

  private static void requireColumns(ImportKind kind, Map<String, Integer> seen, Violations v) {
    for (Column column : Columns.of(kind)) {
      if (column.required() && !seen.containsKey(column.field())) {
        v.add("header", "missing-column", "the header row has no column " + column.label() + " (" + column.field()
            + ")");
      }
    }
    if (kind == ImportKind.PROJECTS && !seen.containsKey("pairingId")
        && !(seen.containsKey("mountainCounty") && seen.containsKey("partnerCounty"))) {
      v.add("header", "missing-column", "the header row needs 结对编号 (pairingId), or both 山区县 (mountainCounty) and "
          + "结对县 (partnerCounty), to say which pairing each project is under");
    }
    if (kind == ImportKind.UPDATES && !seen.containsKey("projectId") && !seen.containsKey("externalCode")) {
      v.add("header", "missing-column", "the header row needs 项目ID (projectId) or 项目编号 (externalCode) to say "
          + "which project each row reports on");
    }
  }

  /** The position of {@code field}'s column, or -1 when the file has none. */
  public int indexOf(String field) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i) != null && columns.get(i).field().equals(field)) {
        return i;
      }
    }
    return -1;
  }

  /** The names of the columns that are not read. */
  public List<String> ignored() {
    List<String> ignored = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i) == null && !names.get(i).isBlank()) {
        ignored.add(names.get(i));
      }
    }
    return List.copyOf(ignored);
  }

  /** Lower case, no spaces (full-width ones included), full-width brackets made ASCII. */
  static String normalise(String name) {
    return name.replace('（', '(').replace('）', ')').replaceAll("[\\s\\u3000\\uFEFF]+", "").toLowerCase(Locale.ROOT);
  }
}
