package org.shanhai.projects.imports;

import java.util.List;

/**
 * A row of an import as stored: its values, the dry run's verdict on it and, once committed, what
 * recording it did.
 *
 * @param target the project the row registers or reports on, when the dry run found it
 * @param outcome null until committed
 * @param recorded the id of what it recorded (the project or the update)
 */
public record ImportedRow(ImportRow row, Verdict verdict, List<RowIssue> errors, List<RowIssue> warnings,
    String target, Outcome outcome, String recorded) {

  /** The dry run's verdict; PENDING until it is made. */
  public enum Verdict {
    PENDING, VALID, REJECTED
  }

  public enum Outcome {
    CREATED, REPLAYED, REJECTED
  }

  public static ImportedRow pending(ImportRow row) {
    return new ImportedRow(row, Verdict.PENDING, List.of(), List.of(), null, null, null);
  }
}
