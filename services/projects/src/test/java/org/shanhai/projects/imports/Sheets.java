package org.shanhai.projects.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** Files for the import tests, written as officers' tools write them. */
final class Sheets {

  private Sheets() {
  }

  /** A CSV of these lines in {@code charset}, with a UTF-8 BOM when asked. */
  static byte[] csv(Charset charset, boolean bom, String... lines) {
    String text = (bom ? "\uFEFF" : "") + String.join("\r\n", lines) + "\r\n";
    return text.getBytes(charset);
  }

  /** A workbook whose first sheet holds {@code rows} (numbers, dates and text as typed), then {@code more} done to it. */
  static byte[] xlsx(List<List<Object>> rows, Consumer<Worksheet> more) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (Workbook workbook = new Workbook(out, "Test", "1.0")) {
      Worksheet sheet = workbook.newWorksheet("Sheet1");
      for (int r = 0; r < rows.size(); r++) {
        List<Object> row = rows.get(r);
        for (int c = 0; c < row.size(); c++) {
          Object value = row.get(c);
          if (value instanceof Number n) {
            sheet.value(r, c, n);
          } else if (value instanceof LocalDate d) {
            sheet.value(r, c, d);
            sheet.style(r, c).format("yyyy-mm-dd").set();
          } else if (value != null) {
            sheet.value(r, c, value.toString());
          }
        }
      }
      more.accept(sheet);
      workbook.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static byte[] xlsx(List<List<Object>> rows) {
    return xlsx(rows, sheet -> { });
  }

  static BigDecimal yuan(String amount) {
    return new BigDecimal(amount);
  }
}
