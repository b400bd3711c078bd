package org.shanhai.projects.imports.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.shanhai.projects.imports.Column;
import org.shanhai.projects.imports.Import;
import org.shanhai.projects.imports.ImportKind;
import org.shanhai.projects.imports.ImportedRow;
import org.shanhai.projects.imports.RowIssue;
import org.shanhai.projects.imports.Template;
import org.shanhai.texts.IssueTexts;

/** The files the import hands out: templates to fill in, and an import's report. Written with fastexcel, streaming. */
final class Workbooks {

  private static final int FLUSH_EVERY = 1000;
  private static final int LAST_TEMPLATE_ROW = 5000;
  private static final String REJECTED_FILL = "FFC7CE";
  private static final String WARNING_FILL = "FFEB9C";
  /** The Chinese words of the codes (libs/texts), the console's own: the report is for the officer who uploaded. */
  private static final Properties TEXTS = texts(IssueTexts.BUNDLE + ".properties");

  private Workbooks() {
  }

  /**
   * The .xlsx template: a data sheet (the header row with each column's explanation as a comment,
   * drop-down lists for the choices) and an explanation sheet with both names of every column and an example row.
   */
  static byte[] template(ImportKind kind) {
    Template template = Template.of(kind);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (Workbook workbook = new Workbook(out, "Shanhai Monitor", "1.0")) {
      Worksheet data = workbook.newWorksheet(kind == ImportKind.PROJECTS ? "项目清单" : "进度表");
      List<Column> columns = template.columns();
      for (int i = 0; i < columns.size(); i++) {
        Column column = columns.get(i);
        data.value(0, i, template.headers().get(i));
        data.style(0, i).bold().fillColor(column.required() ? "FCE4D6" : "DDEBF7").set();
        data.comment(0, i, (column.required() ? "必填。" : "") + column.help());
        data.width(i, Math.max(12, template.headers().get(i).length() * 2.5));
        if (column.type() == Column.Type.CHOICE) {
          data.range(1, i, LAST_TEMPLATE_ROW, i)
              .validateWithListByFormula("\"" + String.join(",", column.choiceLabels()) + "\"")
              .allowBlank(true).showErrorMessage(true).errorTitle(column.label()).error("请从下拉列表中选择");
        }
      }
      data.freezePane(0, 1);

      Worksheet help = workbook.newWorksheet("说明");
      String[] heads = {"中文列名（模板用）", "API 字段名（也可作列名）", "必填", "格式", "说明"};
      for (int c = 0; c < heads.length; c++) {
        help.value(0, c, heads[c]);
        help.style(0, c).bold().set();
      }
      for (int r = 0; r < columns.size(); r++) {
        Column column = columns.get(r);
        help.value(r + 1, 0, template.headers().get(r));
        help.value(r + 1, 1, column.field());
        help.value(r + 1, 2, column.required() ? "是" : "");
        help.value(r + 1, 3, Template.format(column));
        help.value(r + 1, 4, column.help());
      }
      int notes = columns.size() + 2;
      help.value(notes, 0, "列名可用中文列名或 API 字段名，不区分大小写和空格；金额列名写“（万元）”时按万元填写。"
          + "第一行是列名；空行会跳过；请勿合并单元格，也不要用公式（请粘贴为数值）。");
      help.value(notes + 2, 0, "示例行（填在“" + data.getName() + "”表第 2 行起）：");
      help.style(notes + 2, 0).bold().set();
      for (int c = 0; c < columns.size(); c++) {
        help.value(notes + 3, c, template.headers().get(c));
        help.style(notes + 3, c).bold().set();
        help.value(notes + 4, c, template.example().get(c));
      }
      help.width(0, 22);
      help.width(1, 24);
      help.width(3, 30);
      help.width(4, 60);
      workbook.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The CSV template: the header row, UTF-8 with a BOM so that Excel opens it in the right encoding. */
  static byte[] csvTemplate(ImportKind kind) {
    StringBuilder csv = new StringBuilder("\uFEFF");
    try (CSVPrinter printer = new CSVPrinter(csv, CSVFormat.RFC4180)) {
      printer.printRecord(Template.of(kind).headers());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The file back, one row per row imported, with two columns more: what became of the row, and why.
   * A cell with an error is red, one with a warning yellow, and carries the message as a comment.
   */
  static void report(Import anImport, Iterable<ImportedRow> rows, OutputStream out) throws IOException {
    try (Workbook workbook = new Workbook(out, "Shanhai Monitor", "1.0")) {
      Worksheet sheet = workbook.newWorksheet("导入结果");
      List<String> header = anImport.header();
      int result = header.size();
      for (int c = 0; c < header.size(); c++) {
        sheet.value(0, c, header.get(c));
      }
      sheet.value(0, result, "导入结果");
      sheet.value(0, result + 1, "说明");
      sheet.range(0, 0, 0, result + 1).style().bold().set();
      int r = 1;
      for (ImportedRow row : rows) {
        List<String> values = row.row().values();
        for (int c = 0; c < values.size(); c++) {
          sheet.value(r, c, values.get(c));
        }
        mark(sheet, r, header, row.errors(), REJECTED_FILL);
        mark(sheet, r, header, row.warnings(), WARNING_FILL);
        sheet.value(r, result, result(anImport, row));
        sheet.value(r, result + 1, explanation(row));
        if (r % FLUSH_EVERY == 0) {
          sheet.flush();
        }
        r++;
      }
      sheet.freezePane(0, 1);
      workbook.finish();
    }
  }

  private static void mark(Worksheet sheet, int r, List<String> header, List<RowIssue> issues, String fill) {
    for (RowIssue issue : issues) {
      int c = issue.column() == null ? -1 : header.indexOf(issue.column());
      if (c >= 0) {
        sheet.style(r, c).fillColor(fill).set();
        sheet.comment(r, c, say(issue));
      }
    }
  }

  private static String result(Import anImport, ImportedRow row) {
    if (row.outcome() != null) {
      return switch (row.outcome()) {
        case CREATED -> "已导入";
        case REPLAYED -> "已导入（此前已记录）";
        case REJECTED -> "未导入";
      };
    }
    return switch (row.verdict()) {
      case REJECTED -> "未导入";
      case VALID -> anImport.state() == Import.State.DONE ? "未导入" : "可导入（待提交）";
      case PENDING -> "检查中";
    };
  }

  private static String explanation(ImportedRow row) {
    return Stream.concat(row.errors().stream(), row.warnings().stream())
        .map(i -> (i.cell() == null ? "" : i.cell() + " ") + (i.column() == null ? "" : i.column() + "：") + say(i))
        .collect(Collectors.joining(" "));
  }

  /** An issue in Chinese, found as the console's pages find it; a code without words keeps the API's message. */
  static String say(RowIssue issue) {
    return IssueTexts.keysFor(issue.code()).stream().map(TEXTS::getProperty).filter(text -> text != null)
        .findFirst().orElse(issue.message());
  }

  private static Properties texts(String resource) {
    Properties texts = new Properties();
    try (var in = new InputStreamReader(Workbooks.class.getClassLoader().getResourceAsStream(resource),
        StandardCharsets.UTF_8)) {
      texts.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return texts;
  }
}
