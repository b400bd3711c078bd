package org.shanhai.projects.imports;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shanhai.projects.county.Counties;
import org.shanhai.projects.imports.file.SpreadsheetFile;
import org.shanhai.web.validation.InvalidInput;
import org.shanhai.web.validation.Violation;
import org.shanhai.web.validation.Violations;

/** Reading the counties' files: headers, encodings, cells, without a service around them. */
class ImportFileTest {

  private static final SpreadsheetFile.Limits LIMITS = new SpreadsheetFile.Limits(50L << 20, 100);

  @TempDir
  Path dir;

  @Test
  void aHeaderIsReadByLabelOrFieldNameIgnoringCaseSpacesAndBracketWidthWithItsUnit() {
    Header header = Header.of(ImportKind.UPDATES, List.of(" 项目 编号", "REPORTDATE", "累计完成投资（万元）",
        "fundsInPlace (元)", "序号"));
    assertThat(header.indexOf("externalCode")).isZero();
    assertThat(header.indexOf("reportDate")).isEqualTo(1);
    assertThat(header.scales()).containsExactly(0, 0, 4, 0, 0);
    assertThat(header.ignored()).containsExactly("序号");
  }

  @Test
  void aHeaderNamesEveryMissingAndRepeatedColumnAtOnce() {
    assertThatThrownBy(() -> Header.of(ImportKind.PROJECTS, List.of("项目名称", "name", "所在县（万元）")))
        .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.violations()).extracting(Violation::code)
            .contains("duplicate-column", "wrong-unit", "missing-column"));
  }

  @Test
  void datesAreReadAsOfficersWriteThemAndOddOnesAreRefusedWithTheCell() {
    Column date = Columns.UPDATES.get(3);
    for (String text : List.of("2026-06-30", "2026/6/30", "2026.6.30", "2026年6月30日", "20260630")) {
      assertThat(Cells.date(date, text, new Violations())).as(text).isEqualTo(LocalDate.parse("2026-06-30"));
    }
    for (String text : List.of("30.06.2026", "6/30/26", "二〇二六年六月", "2026-02-30")) {
      Violations v = new Violations();
      assertThat(Cells.date(date, text, v)).as(text).isNull();
      assertThat(v.list()).extracting(Violation::code).containsAnyOf("odd-date", "no-such-date");
    }
    assertThat(ImportFile.date(new java.math.BigDecimal("46203"), "46203")).isEqualTo("2026-06-30");
  }

  @Test
  void amountsTakeThousandsSeparatorsAndTheColumnsUnitAndCountiesTheirNames() {
    Column amount = Columns.UPDATES.get(5);
    assertThat(Cells.amount(amount, "1,250.5", 4, new Violations())).isEqualByComparingTo("12505000");
    Violations v = new Violations();
    assertThat(Cells.amount(amount, "十万", 0, v)).isNull();
    assertThat(v.list()).extracting(Violation::code).containsExactly("not-a-number");
    Column county = Columns.PROJECTS.get(1);
    Counties counties = new Counties();
    assertThat(Cells.county(county, "常山县", counties, new Violations())).isEqualTo("330822");
    assertThat(Cells.county(county, "常山", counties, new Violations())).isEqualTo("330822");
    assertThat(Cells.county(county, "330282", counties, new Violations())).isEqualTo("330282");
    assertThat(Cells.choice(Columns.UPDATES.get(4), "在建", new Violations())).isEqualTo("UNDER_CONSTRUCTION");
    assertThat(Cells.columnName(0) + Cells.columnName(25) + Cells.columnName(26)).isEqualTo("AZAA");
  }

  @Test
  void aCsvInGb18030IsToldFromUtf8AndBlankRowsAreSkippedKeepingTheirNumbers() throws IOException {
    Path gbk = write("gb.csv", Sheets.csv(Charset.forName("GB18030"), false, "项目编号,报告日期", "常山-1,2026-06-30", ",",
        "常山-2,2026-06-30"));
    ImportFile file = ImportFile.read(gbk, ImportKind.UPDATES, LIMITS);
    assertThat(file.file().charset()).isEqualTo(Charset.forName("GB18030"));
    assertThat(file.rowCount()).isEqualTo(2);
    try (Stream<ImportRow> rows = file.rows()) {
      assertThat(rows.toList()).containsExactly(new ImportRow(2, List.of("常山-1", "2026-06-30")),
          new ImportRow(4, List.of("常山-2", "2026-06-30")));
    }
    Path bom = write("bom.csv", Sheets.csv(UTF_8, true, "项目编号,报告日期", "常山-1,2026-06-30"));
    ImportFile utf8 = ImportFile.read(bom, ImportKind.UPDATES, LIMITS);
    assertThat(utf8.file().charset()).isEqualTo(UTF_8);
    assertThat(utf8.header().indexOf("externalCode")).as("the BOM is not part of the first name").isZero();
  }

  @Test
  void aWorkbooksDateCellsBecomeIsoDates() throws IOException {
    Path xlsx = write("w.xlsx", Sheets.xlsx(List.of(List.of("项目编号", "报告日期", "累计完成投资"),
        List.of("CS-1", LocalDate.parse("2026-03-31"), 1234567.5))));
    try (Stream<ImportRow> rows = ImportFile.read(xlsx, ImportKind.UPDATES, LIMITS).rows()) {
      assertThat(rows.toList()).containsExactly(new ImportRow(2, List.of("CS-1", "2026-03-31", "1234567.5")));
    }
  }

  private Path write(String name, byte[] content) throws IOException {
    return Files.write(dir.resolve(name), content);
  }
}
