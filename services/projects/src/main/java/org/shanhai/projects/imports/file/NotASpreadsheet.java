package org.shanhai.projects.imports.file;

/**
 * The upload is not a file this import reads (an .xlsx workbook or a CSV text); nothing was stored.
 * {@code reason} says what it is instead, for a client to put in its own words: {@code empty},
 * {@code xls} (an Excel 97–2003 or other old Office file), {@code utf-16} (Excel's "Unicode text"),
 * {@code binary}, or {@code broken-workbook} (a zip that is no readable workbook).
 */
public final class NotASpreadsheet extends RuntimeException {

  private final String reason;

  public NotASpreadsheet(String reason, String message) {
    super(message);
    this.reason = reason;
  }

  public String reason() {
    return reason;
  }
}
