package org.shanhai.projects.imports;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.mongodb.reactivestreams.client.MongoDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.shanhai.events.Topics;
import org.shanhai.projects.Officer;
import org.shanhai.projects.ProjectsServiceTest;
import org.shanhai.testkit.NoTrace;
import org.shanhai.testkit.TopicReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Files an import cannot take: each is answered with a problem+json saying what is wrong with it,
 * and leaves nothing stored (no import, no row, no project) and nothing published.
 */
@ProjectsServiceTest
@SuppressWarnings("unchecked")
class ImportBadFilesIT {

  private static final String HEADER = "项目编号,报告日期,累计完成投资（元）,项目状态";

  @RegisterExtension
  static final TopicReader topic = new TopicReader(Topics.PROJECTS);

  @Autowired
  WebTestClient http;
  @Autowired
  MongoDatabase database;
  Importer importer;
  String marker;
  Runnable markerWrite;
  NoTrace noTrace;

  @BeforeEach
  void anOfficerOfChangshan() {
    Officer changshan = new Officer(http, "officer.changshan");
    importer = new Importer(http, "officer.changshan");
    marker = changshan.anIndustrialEnclave();
    markerWrite = () -> changshan.update(marker, "{\"reportDate\":\"2021-06-30\"}", null).expectStatus().isCreated();
    noTrace = new NoTrace(database, topic, List.of("pairings", "projects", "project_updates", "imports", "importRows"), marker,
        markerWrite);
  }

  @Test
  void aFileThatIsNotASpreadsheet() {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    noTrace.refused(() -> importer.upload(png, "进度表.xlsx", "updates"), 415)
        .jsonPath("$.type").isEqualTo("https://shanhai.example/problems/not-a-spreadsheet")
        .jsonPath("$.detail").value(d -> assertThat((String) d).contains(".xlsx workbook or a CSV"))
        .jsonPath("$.reason").isEqualTo("binary");
    byte[] unicodeText = Sheets.csv(java.nio.charset.StandardCharsets.UTF_16LE, true, "项目编号\t报告日期");
    noTrace.refused(() -> importer.upload(unicodeText, "进度表.txt", "updates"), 415)
        .jsonPath("$.detail").value(d -> assertThat((String) d).contains("CSV UTF-8"))
        .jsonPath("$.reason").isEqualTo("utf-16");
    byte[] xls = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0};
    noTrace.refused(() -> importer.upload(xls, "进度表.xls", "updates"), 415)
        .jsonPath("$.detail").value(d -> assertThat((String) d).contains("save it as .xlsx"))
        .jsonPath("$.reason").isEqualTo("xls").jsonPath("$.errors[0].code").isEqualTo("xls");
  }

  @Test
  void aZipBombDisguisedAsAWorkbook() throws IOException {
    ByteArrayOutputStream bomb = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bomb)) {
      zip.putNextEntry(new ZipEntry("xl/workbook.xml"));
      zip.write("<workbook/>".getBytes(UTF_8));
      zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 64; i++) {
        zip.write(zeros);
      }
    }
    assertThat(bomb.size()).as("64 MB of zeros, compressed").isLessThan(200_000);
    noTrace.refused(() -> importer.upload(bomb.toByteArray(), "进度表.xlsx", "updates"), 422, "file")
        .jsonPath("$.errors[0].code").isEqualTo("zip-bomb");
  }

  @Test
  void aFileOverTheSizeLimit() {
    StringBuilder big = new StringBuilder(HEADER).append("\r\n");
    String row = "CS-001,2026-06-30,1000000.00,在建," + "备注".repeat(500) + "\r\n";
    while (big.length() * 3 < 21 * 1024 * 1024) {
      big.append(row);
    }
    noTrace.refused(() -> importer.upload(big.toString().getBytes(UTF_8), "进度表.csv", "updates"), 413)
        .jsonPath("$.detail").value(d -> assertThat((String) d).contains("20 MB"));
  }

  @Test
  void aFileWithoutTheColumnsItsKindNeeds() {
    byte[] file = Sheets.csv(UTF_8, false, "项目编号,累计完成投资（元）", "CS-001,1000000");
    noTrace.refused(() -> importer.upload(file, "进度表.csv", "updates"), 422, "header")
        .jsonPath("$.errors[0].code").isEqualTo("missing-column")
        .jsonPath("$.errors[0].message").value(m -> assertThat((String) m).contains("报告日期 (reportDate)"));
    byte[] noProject = Sheets.csv(UTF_8, false, "报告日期,累计完成投资", "2026-06-30,1000000");
    noTrace.refused(() -> importer.upload(noProject, "进度表.csv", "updates"), 422, "header");
  }

  @Test
  void aFileWithAColumnTwice() {
    byte[] file = Sheets.csv(UTF_8, false, "项目编号,报告日期,cumulativeInvestment,累计完成投资（万元）",
        "CS-001,2026-06-30,1000000,100");
    noTrace.refused(() -> importer.upload(file, "进度表.csv", "updates"), 422, "D")
        .jsonPath("$.errors[0].code").isEqualTo("duplicate-column");
  }

  @Test
  void aWorkbookWithFormulasInsteadOfValues() {
    byte[] file = Sheets.xlsx(List.of(List.of("项目编号", "报告日期", "累计完成投资"),
        List.of("CS-001", LocalDate.parse("2026-06-30"))), sheet -> sheet.formula(1, 2, "1000000*2"));
    noTrace.refused(() -> importer.upload(file, "进度表.xlsx", "updates"), 422, "file")
        .jsonPath("$.errors[0].code").isEqualTo("formulas")
        .jsonPath("$.errors[0].message").value(m -> assertThat((String) m).contains("C2").contains("数值"));
  }

  @Test
  void aWorkbookWithMergedCells() {
    byte[] file = Sheets.xlsx(List.of(List.of("项目编号", "报告日期", "累计完成投资"),
        List.of("CS-001", LocalDate.parse("2026-03-31"), 1000000), List.of("", LocalDate.parse("2026-06-30"), 2000000)),
        sheet -> sheet.range(1, 0, 2, 0).merge());
    noTrace.refused(() -> importer.upload(file, "进度表.xlsx", "updates"), 422, "file")
        .jsonPath("$.errors[0].code").isEqualTo("merged-cells")
        .jsonPath("$.errors[0].message").value(m -> assertThat((String) m).contains("A2:A3"));
  }

  /**
   * Text dates in odd formats are a row's fault, not the file's: each such row is rejected at its
   * cell (the rest of a file would go in), blank rows between are skipped keeping the rows' numbers,
   * and committing a file of only such rows records and publishes nothing.
   */
  @Test
  void aFileWithDatesAsTextInOddFormatsAndEmptyRowsInBetween() {
    byte[] file = Sheets.csv(UTF_8, false, HEADER, "CS-001,30/06/2026,1000000,在建", "", ",,,",
        "CS-001,June 30 2026,1000000,在建", "CS-001,2026-13-01,1000000,在建");
    NoTrace business = new NoTrace(database, topic, List.of("pairings", "projects", "project_updates"), marker, markerWrite);
    business.leavesNone(() -> {
      Map<String, Object> dryRun = importer.dryRun(file, "进度表.csv", "updates");
      assertThat(dryRun).containsEntry("rows", 3).containsEntry("valid", 0).containsEntry("rejected", 3);
      assertThat(importer.rowsWithIssues((String) dryRun.get("id")))
          .extracting(r -> r.get("number"), r -> ((List<Map<String, Object>>) r.get("errors")).get(0).get("cell"),
              r -> ((List<Map<String, Object>>) r.get("errors")).get(0).get("code"))
          .containsExactly(tuple(2, "B2", "odd-date"), tuple(5, "B5", "odd-date"), tuple(6, "B6", "no-such-date"));
      return importer.commit((String) dryRun.get("id"));
    });
  }

  @Test
  void aFileOfAHundredThousandRows() {
    List<String> lines = new ArrayList<>(List.of(HEADER));
    for (int i = 0; i < 100_000; i++) {
      lines.add("CS-" + i + ",2026-06-30,1000000,在建");
    }
    byte[] file = Sheets.csv(UTF_8, false, lines.toArray(String[]::new));
    noTrace.refused(() -> importer.upload(file, "进度表.csv", "updates"), 422, "file")
        .jsonPath("$.errors[0].code").isEqualTo("too-many-rows");
  }

  @Test
  void aCsvWithABrokenQuote() {
    byte[] file = Sheets.csv(UTF_8, false, HEADER, "CS-001,2026-06-30,1000000,在建",
        "CS-002,2026-06-30,\"1000000,在建", "CS-003,2026-06-30,1000000,在建");
    noTrace.refused(() -> importer.upload(file, "进度表.csv", "updates"), 422, "file")
        .jsonPath("$.errors[0].code").isEqualTo("broken-csv")
        .jsonPath("$.errors[0].message").value(m -> assertThat((String) m).contains("quote"));
  }

  @Test
  void anUploadWithoutAKindOrAFile() {
    byte[] file = Sheets.csv(UTF_8, false, HEADER, "CS-001,2026-06-30,1000000,在建");
    noTrace.refused(() -> importer.upload(file, "进度表.csv", null), 422, "kind");
    noTrace.refused(() -> importer.upload(file, "进度表.csv", "payouts"), 422, "kind");
    noTrace.refused(() -> importer.upload(Sheets.csv(UTF_8, false, HEADER), "进度表.csv", "updates"), 422, "file")
        .jsonPath("$.errors[0].code").isEqualTo("no-rows");
  }

  @Test
  void aViewerImportsNothing() {
    byte[] file = Sheets.csv(UTF_8, false, HEADER, "CS-001,2026-06-30,1000000,在建");
    noTrace.refused(() -> new Importer(http, "viewer").upload(file, "进度表.csv", "updates"), 403);
  }
}
