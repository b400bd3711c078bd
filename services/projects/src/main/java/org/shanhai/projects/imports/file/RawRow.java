package org.shanhai.projects.imports.file;

import java.math.BigDecimal;
import java.util.List;

/**
 * A row as the file holds it: its number as a spreadsheet shows it (1 is the first line) and its
 * cells from column A on.
 */
public record RawRow(int number, List<Cell> cells) {

  /**
   * A cell: its text (a number's plain digits), the number when the workbook stored one, and whether
   * the workbook computes it with a formula (or holds an error such as #N/A) rather than holding a value.
   */
  public record Cell(String text, BigDecimal number, boolean formula) {

    public static final Cell EMPTY = new Cell("", null, false);

    public static Cell text(String text) {
      return new Cell(text == null ? "" : text, null, false);
    }
  }

  public Cell cell(int index) {
    return index < cells.size() ? cells.get(index) : Cell.EMPTY;
  }

  public boolean isBlank() {
    return cells.stream().allMatch(c -> !c.formula() && c.text().isBlank());
  }
}
