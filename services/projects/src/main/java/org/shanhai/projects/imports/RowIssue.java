package org.shanhai.projects.imports;

import java.util.List;

import org.shanhai.events.Warning;
import org.shanhai.web.validation.Violation;

/**
 * Something wrong (an error, which keeps the row out) or worth a look (a warning) in one row of an
 * import, at the cell it is about when there is one.
 *
 * @param field the API field name of the column, as the violation or warning named it
 * @param column the column's name as the file's header row writes it (null when the file has no such column)
 * @param cell the cell's address, e.g. {@code D7} (null when the file has no such column)
 * @param code the stable code the API uses ({@code decreased}, {@code odd-date}, {@code county}, ...)
 */
public record RowIssue(String field, String column, String cell, String code, String message) {

  static List<RowIssue> of(List<Violation> violations, Header header, int row) {
    return violations.stream().map(v -> at(header, row, v.field(), v.code(), v.message())).toList();
  }

  static List<RowIssue> ofWarnings(List<Warning> warnings, Header header, int row) {
    return warnings.stream().map(w -> at(header, row, w.field(), w.code(), w.message())).toList();
  }

  static RowIssue at(Header header, int row, String field, String code, String message) {
    int index = field == null ? -1 : header.indexOf(field);
    return index < 0 ? new RowIssue(field, null, null, code, message)
        : new RowIssue(field, header.names().get(index), Cells.columnName(index) + row, code, message);
  }
}
