package org.shanhai.projects.imports.web;

import java.util.List;

import org.shanhai.projects.imports.ImportedRow;
import org.shanhai.projects.imports.RowIssue;

/**
 * A row of an import: its number in the file, its cells as the file has them (in the header's
 * order), the dry run's verdict with errors and warnings at their cells and, once committed, its
 * outcome and the id of what it recorded.
 */
record ImportRowResponse(int number, List<String> values, ImportedRow.Verdict verdict, List<RowIssue> errors,
    List<RowIssue> warnings, ImportedRow.Outcome outcome, String projectId, String recorded) {

  static ImportRowResponse of(ImportedRow row) {
    return new ImportRowResponse(row.row().number(), row.row().values(), row.verdict(), row.errors(), row.warnings(),
        row.outcome(), row.target(), row.recorded());
  }
}
