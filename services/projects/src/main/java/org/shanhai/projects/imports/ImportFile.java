package org.shanhai.projects.imports;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import org.shanhai.projects.imports.Column.Type;
import org.shanhai.projects.imports.file.RawRow;
import org.shanhai.projects.imports.file.SpreadsheetFile;
import org.shanhai.web.validation.InvalidInput;
import org.shanhai.web.validation.Violations;

/**
 * An uploaded file that passed the checks of a whole file: it is a workbook or a CSV, safe to read,
 * with a header row naming the columns its kind needs, values rather than formulas, and no more rows
 * than allowed. Read twice, both times streaming: once to check, once to hand over its rows, so
 * nothing is stored from a file that is then refused. Blank rows are skipped wherever they are.
 */
public final class ImportFile {

  private static final int MAX_LISTED = 10;
  /** Excel's day 0 in its 1900 date system (the day before its fictional 1900-02-29 is folded in). */
  private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);
  private static final int EXCEL_LAST_DAY = 2_958_465;

  private final SpreadsheetFile file;
  private final Header header;
  private final int rows;

  private ImportFile(SpreadsheetFile file, Header header, int rows) {
    this.file = file;
    this.header = header;
    this.rows = rows;
  }

  /** Checks the file at {@code path} as a whole; throws {@link InvalidInput} with what is wrong with it. */
  public static ImportFile read(Path path, ImportKind kind, SpreadsheetFile.Limits limits) throws IOException {
    SpreadsheetFile file = SpreadsheetFile.open(path, limits);
    try (Stream<RawRow> stream = file.rows()) {
      Iterator<RawRow> rows = stream.iterator();
      RawRow first = null;
      while (rows.hasNext() && first == null) {
        RawRow row = rows.next();
        first = row.isBlank() ? null : row;
      }
      if (first == null) {
        throw new InvalidInput("file", "empty", "the file has no header row and no rows");
      }
      List<String> formulas = new ArrayList<>();
      formulas(first, formulas);
      Header header = Header.of(kind, first.cells().stream().map(RawRow.Cell::text).toList());
      int count = 0;
      while (rows.hasNext()) {
        RawRow row = rows.next();
        if (row.isBlank()) {
          continue;
        }
        formulas(row, formulas);
        if (++count > limits.maxRows()) {
          throw new InvalidInput("file", "too-many-rows", "the file has more than " + limits.maxRows()
              + " rows; split it into files of at most " + limits.maxRows() + " rows");
        }
      }
      if (!formulas.isEmpty()) {
        throw new InvalidInput(new Violations().add("file", "formulas", "cells " + String.join(", ", formulas)
            + (formulas.size() >= MAX_LISTED ? " and more" : "") + " hold formulas (or formula errors): copy the "
            + "sheet and paste it as values only (选择性粘贴 → 数值), so what is imported is what you see").list());
      }
      if (count == 0) {
        throw new InvalidInput("file", "no-rows", "the file has a header row but no rows under it");
      }
      return new ImportFile(file, header, count);
    }
  }

  private static void formulas(RawRow row, List<String> found) {
    for (int i = 0; i < row.cells().size() && found.size() < MAX_LISTED; i++) {
      if (row.cells().get(i).formula()) {
        found.add(Cells.columnName(i) + row.number());
      }
    }
  }

  public Header header() {
    return header;
  }

  /** The number of data rows, blank ones not counted. */
  public int rowCount() {
    return rows;
  }

  public SpreadsheetFile file() {
    return file;
  }

  /** The data rows, in order; close the stream when done. */
  public Stream<ImportRow> rows() throws IOException {
    Stream<RawRow> raw = file.rows();
    boolean[] headerSeen = {false};
    return raw.filter(row -> !row.isBlank())
        .filter(row -> headerSeen[0] || !(headerSeen[0] = true))
        .map(this::values);
  }

  private ImportRow values(RawRow row) {
    List<String> values = new ArrayList<>(header.names().size());
    for (int i = 0; i < Math.max(header.names().size(), row.cells().size()); i++) {
      RawRow.Cell cell = row.cell(i);
      Column column = i < header.columns().size() ? header.columns().get(i) : null;
      values.add(column != null && column.type() == Type.DATE && cell.number() != null ? date(cell.number(), cell.text())
          : cell.text());
    }
    // Cells beyond the header are kept only if they hold something, so the report can give them back.
    while (values.size() > header.names().size() && values.get(values.size() - 1).isBlank()) {
      values.remove(values.size() - 1);
    }
    return new ImportRow(row.number(), values);
  }

  /**
   * A number in a date column: a date cell (Excel keeps dates as day numbers) or 20260630 typed as a
   * number; anything else stays as typed, for the row's check to refuse.
   */
  static String date(BigDecimal number, String text) {
    if (text.matches("(19|20)\\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\\d|3[01])")) {
      return text;
    }
    if (number.signum() > 0 && number.compareTo(BigDecimal.valueOf(EXCEL_LAST_DAY)) <= 0) {
      return EXCEL_EPOCH.plusDays(number.longValue()).toString();
    }
    return text;
  }
}
