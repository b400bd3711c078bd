package org.shanhai.projects.imports.file;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Sheet;
import org.shanhai.web.validation.InvalidInput;

/**
 * An uploaded file read as rows, streamed so memory stays flat however long it is: an .xlsx
 * workbook's first sheet through fastexcel-reader, or a CSV through commons-csv (UTF-8 with or
 * without BOM, else GB18030, which is what Excel in China writes). A workbook is first checked for
 * what would make reading it dangerous or wrong ({@link WorkbookChecks}).
 */
public final class SpreadsheetFile {

  /** How much a workbook may inflate to, and how many rows a file may have. */
  public record Limits(long maxUnzippedBytes, int maxRows) {
  }

  public enum Format {
    XLSX, CSV
  }

  private static final int SNIFF = 64 * 1024;

  private final Path path;
  private final Format format;
  private final Charset charset;

  private SpreadsheetFile(Path path, Format format, Charset charset) {
    this.path = path;
    this.format = format;
    this.charset = charset;
  }

  /**
   * Opens {@code path}, telling its format from its content (never from its name); throws
   * {@link NotASpreadsheet} for anything else and {@link InvalidInput} for a workbook that is
   * unsafe or merges cells.
   */
  public static SpreadsheetFile open(Path path, Limits limits) throws IOException {
    byte[] head;
    try (InputStream in = Files.newInputStream(path)) {
      head = in.readNBytes(SNIFF);
    }
    if (head.length == 0) {
      throw new NotASpreadsheet("empty", "the file is empty");
    }
    if (ReadableWorkbook.isOOXMLZipHeader(head)) {
      WorkbookChecks.check(path, limits.maxUnzippedBytes());
      return new SpreadsheetFile(path, Format.XLSX, null);
    }
    if (ReadableWorkbook.isOLE2Header(head)) {
      throw new NotASpreadsheet("xls", "this is an Excel 97–2003 workbook (.xls) or another old Office file: open it in "
          + "Excel or WPS and save it as .xlsx (Excel 工作簿), or as CSV UTF-8");
    }
    if (head.length >= 2 && (head[0] == (byte) 0xFF && head[1] == (byte) 0xFE
        || head[0] == (byte) 0xFE && head[1] == (byte) 0xFF)) {
      throw new NotASpreadsheet("utf-16", "this is UTF-16 text (Excel's \"Unicode text\"): save the sheet as \"CSV UTF-8\" "
          + "or as .xlsx instead");
    }
    for (byte b : head) {
      if (b == 0 || (b > 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != 0x0C)) {
        throw new NotASpreadsheet("binary", "the file is neither an .xlsx workbook nor a CSV text");
      }
    }
    return new SpreadsheetFile(path, Format.CSV, charsetOf(path));
  }

  public Format format() {
    return format;
  }

  /** The charset a CSV was read in (null for a workbook). */
  public Charset charset() {
    return charset;
  }

  /**
   * Every row in order, blank ones included (each with its own number); close the stream when done.
   * A CSV that cannot be read (a quote left open) fails the stream with {@link InvalidInput} naming the line.
   */
  public Stream<RawRow> rows() throws IOException {
    return format == Format.XLSX ? workbookRows() : csvRows();
  }

  private Stream<RawRow> workbookRows() throws IOException {
    ReadableWorkbook workbook = new ReadableWorkbook(path.toFile());
    try {
      Sheet sheet = workbook.getFirstSheet();
      return sheet.openStream().map(SpreadsheetFile::row).onClose(() -> closeQuietly(workbook));
    } catch (IOException | RuntimeException e) {
      closeQuietly(workbook);
      throw e;
    }
  }

  private static RawRow row(org.dhatim.fastexcel.reader.Row row) {
    List<RawRow.Cell> cells = new ArrayList<>(row.getCellCount());
    for (int i = 0; i < row.getCellCount(); i++) {
      org.dhatim.fastexcel.reader.Cell cell = row.getCell(i);
      cells.add(cell == null ? RawRow.Cell.EMPTY : cell(cell));
    }
    return new RawRow(row.getRowNum(), cells);
  }

  private static RawRow.Cell cell(org.dhatim.fastexcel.reader.Cell cell) {
    CellType type = cell.getType();
    if (type == CellType.FORMULA || type == CellType.ERROR) {
      return new RawRow.Cell(cell.getRawValue() == null ? "" : cell.getRawValue(), null, true);
    }
    if (type == CellType.NUMBER) {
      BigDecimal number = cell.asNumber();
      return new RawRow.Cell(number.stripTrailingZeros().toPlainString(), number, false);
    }
    if (type == CellType.EMPTY) {
      return RawRow.Cell.EMPTY;
    }
    return RawRow.Cell.text(cell.getText());
  }

  private Stream<RawRow> csvRows() throws IOException {
    Reader reader = new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(path), charset));
    if (charset == StandardCharsets.UTF_8) {
      reader.mark(1);
      if (reader.read() != '\uFEFF') {
        reader.reset();
      }
    }
    // Empty lines are kept (and skipped by the caller) so record numbers stay the lines Excel shows.
    CSVParser parser = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get().parse(reader);
    Iterator<CSVRecord> records = parser.iterator();
    Iterator<RawRow> rows = new Iterator<>() {
      @Override
      public boolean hasNext() {
        try {
          return records.hasNext();
        } catch (UncheckedIOException | IllegalStateException e) {
          throw brokenCsv(parser, e);
        }
      }

      @Override
      public RawRow next() {
        try {
          CSVRecord record = records.next();
          return new RawRow((int) record.getRecordNumber(), record.stream().map(RawRow.Cell::text).toList());
        } catch (UncheckedIOException | IllegalStateException e) {
          throw brokenCsv(parser, e);
        }
      }
    };
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(rows, Spliterator.ORDERED), false)
        .onClose(() -> closeQuietly(parser));
  }

  private static InvalidInput brokenCsv(CSVParser parser, RuntimeException e) {
    Throwable cause = e.getCause() != null ? e.getCause() : e;
    return new InvalidInput("file", "broken-csv", "the CSV cannot be read past line " + parser.getCurrentLineNumber()
        + " (" + cause.getMessage() + "): most often a quote (\") opened in a cell and never closed");
  }

  /** UTF-8 when the whole file decodes as UTF-8 (a BOM or not), GB18030 otherwise. */
  private static Charset charsetOf(Path path) throws IOException {
    CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    java.nio.CharBuffer out = java.nio.CharBuffer.allocate(SNIFF);
    ByteBuffer in = ByteBuffer.allocate(SNIFF);
    try (InputStream stream = Files.newInputStream(path)) {
      byte[] chunk = new byte[SNIFF / 2];
      int read;
      while ((read = stream.read(chunk)) >= 0) {
        in.put(chunk, 0, read);
        in.flip();
        if (utf8.decode(in, out, false).isError()) {
          return Charset.forName("GB18030");
        }
        out.clear();
        in.compact();
      }
      in.flip();
      if (utf8.decode(in, out, true).isError() || utf8.flush(out).isError() || in.hasRemaining()) {
        return Charset.forName("GB18030");
      }
    } catch (CharacterCodingException e) {
      return Charset.forName("GB18030");
    }
    return StandardCharsets.UTF_8;
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception ignored) {
      // Closing a file read to its end; nothing is lost if it fails.
    }
  }
}
