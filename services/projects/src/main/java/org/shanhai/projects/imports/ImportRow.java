package org.shanhai.projects.imports;

import java.util.List;

/**
 * A data row of an import file: its number as the spreadsheet shows it and the text of each cell,
 * in the header's order. A date column's date cells are already written as ISO dates, so the text
 * alone says what the officer meant.
 */
public record ImportRow(int number, List<String> values) {

  public ImportRow {
    values = List.copyOf(values);
  }

  /** The text in the column at {@code index}, stripped; "" when the row is shorter. */
  public String value(int index) {
    return index >= 0 && index < values.size() ? values.get(index).strip() : "";
  }
}
