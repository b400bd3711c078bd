package org.shanhai.projects.imports.file;

/** The upload is not a file this import reads (an .xlsx workbook or a CSV text); nothing was stored. */
public final class NotASpreadsheet extends RuntimeException {

  public NotASpreadsheet(String message) {
    super(message);
  }
}
