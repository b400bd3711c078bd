package org.shanhai.projects.imports;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoDatabase;
import org.awaitility.Awaitility;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.shanhai.events.Topics;
import org.shanhai.events.value.CountyCode;
import org.shanhai.events.value.ProjectId;
import org.shanhai.projects.Officer;
import org.shanhai.projects.ProjectsServiceTest;
import org.shanhai.projects.project.ProgressReport;
import org.shanhai.projects.project.ProjectService;
import org.shanhai.testkit.TestIssuer;
import org.shanhai.testkit.TopicReader;
import org.shanhai.web.access.Actor;
import org.shanhai.web.access.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

/**
 * Importing the counties' spreadsheets end to end: project lists and progress files checked row by
 * row with the API's rules and access rules, committed through the API's write path, reported back,
 * and never recorded twice: not when the same file comes again, not when a commit is resumed.
 */
@ProjectsServiceTest
class ImportFlowIT {

  @RegisterExtension
  static final TopicReader topic = new TopicReader(Topics.PROJECTS);

  @Autowired
  WebTestClient http;
  @Autowired
  MongoDatabase database;
  @Autowired
  ImportStore imports;
  @Autowired
  ProjectService projects;
  Officer changshan;
  Importer importer;
  String code;

  @BeforeEach
  void anOfficerOfChangshan() {
    changshan = new Officer(http, "officer.changshan");
    importer = new Importer(http, "officer.changshan");
    code = "CS-" + UUID.randomUUID().toString().substring(0, 6);
    changshan.pairing(Officer.CHANGSHAN, Officer.CIXI);
  }

  @Test
  void aProjectListInGb18030IsCheckedRowByRowThenRecordedOnceHoweverOftenItComes() {
    new Officer(http, "province.admin").pairing("331126", "330212");
    byte[] file = Sheets.csv(Charset.forName("GB18030"), false,
        "序号,山区县,结对县,项目编号,项目名称,项目类型,所在县,计划总投资（万元）,计划开工日期,计划竣工日期,项目状态",
        "1,常山县,慈溪市," + code + "-1,常山—慈溪产业飞地三期,产业飞地,慈溪市,9300,2026/3/1,2027年12月31日,已签约",
        "",
        "3,庆元县,鄞州区,QY-1,庆元—鄞州消薄飞地,消薄飞地,鄞州区,,,,",
        "4,常山县,慈溪市," + code + "-2,常山胡柚深加工,不存在的类型,常山县,,,,",
        "5,常山县,慈溪市," + code + "-3,常山—慈溪科创飞地,科创飞地,慈溪市,,31.12.2026,,");

    Map<String, Object> dryRun = importer.dryRun(file, "项目清单.csv", "projects");
    assertThat(dryRun).containsEntry("rows", 4).containsEntry("valid", 1).containsEntry("rejected", 3)
        .containsEntry("format", "csv").containsEntry("ignoredColumns", List.of("序号"));
    String id = (String) dryRun.get("id");
    List<Map<String, Object>> issues = importer.rowsWithIssues(id);
    assertThat(issues).extracting(r -> r.get("number")).containsExactly(4, 5, 6);
    assertThat(error(issues.get(0))).containsEntry("code", "forbidden");
    assertThat(error(issues.get(1))).containsEntry("code", "unknown-value").containsEntry("cell", "F5")
        .containsEntry("column", "项目类型");
    assertThat(error(issues.get(2))).containsEntry("code", "odd-date").containsEntry("cell", "I6");
    assertThat(topic.drainFor(Duration.ZERO)).noneMatch(r -> r.body().contains(code));

    Map<String, Object> done = importer.commit(id);
    assertThat(done).containsEntry("created", 1).containsEntry("replayed", 0).containsEntry("rejected", 3);
    Map<String, Object> project = findProjectByCode(code + "-1");
    assertThat(project).containsEntry("plannedInvestment", "93000000.00").containsEntry("status", "SIGNED")
        .containsEntry("plannedStart", "2026-03-01").containsEntry("plannedCompletion", "2027-12-31")
        .containsEntry("registeredBy", "officer.changshan");
    topic.awaitKey((String) project.get("id"), 1, Duration.ofSeconds(30));

    Map<String, Object> again = importer.commit((String) importer.dryRun(file, "项目清单(1).csv", "projects").get("id"));
    assertThat(again).containsEntry("created", 0).containsEntry("replayed", 1);
    assertThat(topic.drainFor(Duration.ofSeconds(1))).filteredOn(r -> r.key().equals(project.get("id"))).hasSize(1);
  }

  @Test
  void aProgressWorkbookIsDryRunAsTheRowsWouldLeaveEachProjectThenCommittedAndReported() throws IOException {
    String byCode = registerWithCode(code);
    String byId = changshan.anIndustrialEnclave();
    byte[] file = Sheets.xlsx(List.of(
        List.of("项目ID", "项目编号", "报告日期", "项目状态", "累计完成投资（元）", "到位资金（元）", "带动就业（人）", "备注"),
        List.of("", code, LocalDate.parse("2026-03-31"), "在建", 20_000_000, 30_000_000, 10, "一季度"),
        List.of("", code, "2026年6月30日", "", 40_000_000, "", "", "二季度"),
        List.of("", code, LocalDate.parse("2026-09-30"), "", 30_000_000),
        List.of(),
        List.of(byId, "", 20260630, "UNDER_CONSTRUCTION", "15,000,000"),
        List.of("", "NO-SUCH-CODE", LocalDate.parse("2026-06-30"))));

    Map<String, Object> dryRun = importer.dryRun(file, "进度表.xlsx", "updates");
    assertThat(dryRun).containsEntry("rows", 5).containsEntry("valid", 3).containsEntry("rejected", 2)
        .containsEntry("format", "xlsx");
    String id = (String) dryRun.get("id");
    List<Map<String, Object>> issues = importer.rowsWithIssues(id);
    assertThat(issues).extracting(r -> r.get("number")).contains(4, 7);
    Map<String, Object> decreased = issues.stream().filter(r -> r.get("number").equals(4)).findFirst().orElseThrow();
    assertThat(error(decreased)).containsEntry("code", "decreased").containsEntry("cell", "E4")
        .containsEntry("column", "累计完成投资（元）");

    Map<String, Object> done = importer.commit(id);
    assertThat(done).containsEntry("created", 3).containsEntry("rejected", 2);
    assertThat(project(byCode)).containsEntry("cumulativeInvestment", "40000000.00").containsEntry("lastReportDate",
        "2026-06-30").containsEntry("status", "UNDER_CONSTRUCTION");
    assertThat(project(byId)).containsEntry("cumulativeInvestment", "15000000.00");
    assertThat(topic.awaitKey(byCode, 4, Duration.ofSeconds(30))).extracting(TopicReader.Received::type)
        .contains("shanhai.project.progress-reported.v1", "shanhai.project.status-changed.v1");

    List<String> events = http.get().uri("/api/v1/imports/{id}/events", id)
        .header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer("officer.changshan")).accept(MediaType.TEXT_EVENT_STREAM)
        .exchange().expectStatus().isOk().returnResult(String.class).getResponseBody()
        .collectList().block(Duration.ofSeconds(10));
    assertThat(String.join("\n", events)).contains("\"state\":\"DONE\"").contains("\"created\":3");

    byte[] report = http.get().uri("/api/v1/imports/{id}/report.xlsx", id)
        .header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer("officer.changshan")).exchange()
        .expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
    try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(report))) {
      List<Row> rows = workbook.getFirstSheet().read();
      assertThat(rows.get(0).getCellText(8)).isEqualTo("导入结果");
      assertThat(rows).hasSize(6);
      assertThat(rows.get(1).getCellText(8)).isEqualTo("已导入");
      assertThat(rows.get(3).getCellText(8)).isEqualTo("未导入");
      assertThat(rows.get(3).getCellText(9)).isEqualTo("E4 累计完成投资（元）：累计完成投资不能比上次报送的少。");
    }

    Map<String, Object> again = importer.commit((String) importer.dryRun(file, "进度表.xlsx", "updates").get("id"));
    assertThat(again).containsEntry("created", 0).containsEntry("replayed", 3);
    assertThat(updates(byCode)).isEqualTo(2);
  }

  @Test
  void aCommitInterruptedByAStoppedInstanceIsResumedAndRecordsNothingTwice() {
    String project = registerWithCode(code);
    byte[] file = Sheets.csv(UTF_8, true, "项目编号,报告日期,累计完成投资", code + ",2026-03-31,1000000",
        code + ",2026-04-30,2000000", code + ",2026-05-31,3000000");
    String id = (String) importer.dryRun(file, "进度表.csv", "updates").get("id");

    // The instance that took the commit recorded the first row, then stopped before noting it; its lease lapses.
    Import taken = imports.find(id).block();
    ProjectId projectId = ProjectId.of(project);
    projects.report(projectId, ImportService.updateIdFor(taken, projectId, 2),
        new ProgressReport(LocalDate.parse("2026-03-31"), null, new java.math.BigDecimal("1000000"), null, null, null,
            null), "import:" + taken.fileHash() + ":2", new Actor("officer.changshan", Set.of(Role.OFFICER), Set.of(CountyCode.of(Officer.CHANGSHAN)))).block();
    Mono.from(database.getCollection("imports").updateOne(Filters.eq("_id", id), Updates.combine(
        Updates.set("state", "COMMITTING"), Updates.set("worker", "a-stopped-instance"),
        Updates.set("leaseUntil", Date.from(Instant.now().plusSeconds(2)))))).block();

    Map<String, Object> done = importer.await(id, "DONE");
    assertThat(done).containsEntry("created", 2).containsEntry("replayed", 1);
    assertThat(updates(project)).isEqualTo(3);
    assertThat(project(project)).containsEntry("cumulativeInvestment", "3000000.00");
  }

  @Test
  void aCodeSharedByManyPairingsIsFoundInThePairingTheRowNames() {
    // Offices number their projects alike: eleven other pairings have this code before 常山—慈溪 does.
    Officer province = new Officer(http, "province.admin");
    for (String mountain : List.of("331102", "331181", "331121", "331122", "331123", "331124", "331125", "331127",
        "330324", "330326", "330327")) {
      String template = """
          {"pairingId":"%s","name":"同号项目 %s","kind":"INDUSTRIAL_ENCLAVE","hostCounty":"330109",
           "plannedInvestment":"10000000.00","plannedStart":"2020-06-01","externalCode":"CODE"}""";
      province.registerProject(province.pairing(mountain, "330109"), template.replace("CODE", code));
    }
    String ours = registerWithCode(code);
    String pairing = changshan.pairing(Officer.CHANGSHAN, Officer.CIXI);

    byte[] named = Sheets.csv(UTF_8, false, "externalCode,pairingId,reportDate", code + "," + pairing + ",2026-03-31");
    Map<String, Object> dryRun = importer.dryRun(named, "进度表.csv", "updates");
    assertThat(dryRun).containsEntry("valid", 1).containsEntry("rejected", 0);
    importer.commit((String) dryRun.get("id"));
    assertThat(updates(ours)).isEqualTo(1);

    byte[] unnamed = Sheets.csv(UTF_8, false, "externalCode,reportDate", code + ",2026-04-30");
    String ambiguous = (String) importer.dryRun(unnamed, "进度表 (2).csv", "updates").get("id");
    assertThat(error(importer.rowsWithIssues(ambiguous).get(0))).containsEntry("code", "ambiguous");

    byte[] again = Sheets.csv(UTF_8, false, "山区县,结对县,项目编号,项目名称,项目类型,所在县",
        "常山县,慈溪市," + code + ",常山—慈溪同号项目,产业飞地,慈溪市");
    String taken = (String) importer.dryRun(again, "项目清单.csv", "projects").get("id");
    assertThat(error(importer.rowsWithIssues(taken).get(0))).containsEntry("code", "taken");
  }

  @Test
  @SuppressWarnings("unchecked")
  void anImportIsItsOwnersAndTheProvincesAndCommittedOnce() {
    registerWithCode(code);
    byte[] file = Sheets.csv(UTF_8, false, "externalCode,reportDate", code + ",2026-03-31");
    String id = (String) importer.dryRun(file, "updates.csv", "updates").get("id");
    new Importer(http, "officer.cixi").http().get().uri("/api/v1/imports/{id}", id)
        .header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer("officer.cixi")).exchange().expectStatus().isForbidden();
    assertThat(new Importer(http, "province.admin").get(id)).containsEntry("uploadedBy", "officer.changshan");
    importer.commit(id);
    http.post().uri("/api/v1/imports/{id}/commit", id).header(HttpHeaders.AUTHORIZATION,
        TestIssuer.bearer("officer.changshan")).exchange().expectStatus().isAccepted();
    assertThat(updates(registeredProject(code))).isEqualTo(1);

    // The file corrected and sent again is another file: its unchanged row is no replay, and is said to repeat a report.
    byte[] corrected = Sheets.csv(UTF_8, false, "externalCode,reportDate,note", code + ",2026-03-31,已更正");
    String again = (String) importer.dryRun(corrected, "updates (2).csv", "updates").get("id");
    assertThat(importer.rowsWithIssues(again)).singleElement().satisfies(row -> assertThat(
        (List<Map<String, Object>>) row.get("warnings")).extracting(w -> w.get("code")).containsExactly("same-report-date"));

    String hash = (String) importer.get(id).get("fileHash");
    Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(audit())
        .anySatisfy(e -> assertThat(e).containsEntry("what", "POST /api/v1/imports").containsEntry("actor",
            "officer.changshan").extractingByKey("detail").asString().contains(hash).contains("1 rows"))
        .anySatisfy(e -> assertThat(e).containsEntry("what", "import " + id + " committed")
            .extractingByKey("detail").asString().contains(hash).contains("1 created")));
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> audit() {
    Map<String, Object> page = http.get().uri("/api/v1/audit/projects?actor=officer.changshan&size=200")
        .header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer("province.admin")).exchange().expectStatus().isOk()
        .expectBody(Map.class).returnResult().getResponseBody();
    return (List<Map<String, Object>>) page.get("items");
  }

  @Test
  void theTemplatesAreReadByTheImportItself() throws IOException {
    for (String kind : List.of("projects", "updates")) {
      byte[] template = http.get().uri("/api/v1/imports/templates/{kind}.xlsx", kind)
          .header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer("officer.changshan")).exchange()
          .expectStatus().isOk().expectHeader().contentType(
              "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
          .expectBody(byte[].class).returnResult().getResponseBody();
      try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(template))) {
        assertThat(workbook.getSheets().map(s -> s.getName()).toList()).contains("说明");
      }
      importer.upload(template, "template.xlsx", kind).expectStatus().isEqualTo(422)
          .expectBody().jsonPath("$.errors[0].code").isEqualTo("no-rows");
      byte[] csv = http.get().uri("/api/v1/imports/templates/{kind}.csv", kind)
          .header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer("officer.changshan")).exchange()
          .expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
      assertThat(new String(csv, UTF_8)).startsWith("\uFEFF").contains(kind.equals("updates") ? "报告日期" : "项目名称");
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> error(Map<String, Object> row) {
    return ((List<Map<String, Object>>) row.get("errors")).get(0);
  }

  private String registerWithCode(String externalCode) {
    return changshan.registerProject(changshan.pairing(Officer.CHANGSHAN, Officer.CIXI), """
        {"pairingId":"%s","name":"常山—慈溪产业飞地 %s","kind":"INDUSTRIAL_ENCLAVE","hostCounty":"330282",
         "plannedInvestment":"93000000.00","plannedStart":"2020-06-01","externalCode":"%s"}"""
        .replace("\"externalCode\":\"%s\"", "\"externalCode\":\"" + externalCode + "\""));
  }

  private String registeredProject(String externalCode) {
    return (String) findProjectByCode(externalCode).get("id");
  }

  /** The project with this code, as the API shows it (found by the code, whatever else the test JVM registered). */
  private Map<String, Object> findProjectByCode(String externalCode) {
    List<String> found = projects.findByExternalCode(externalCode).map(p -> p.id().value()).collectList().block();
    assertThat(found).hasSize(1);
    return project(found.get(0));
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> project(String id) {
    return http.get().uri("/api/v1/projects/{id}", id)
        .header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer("officer.changshan")).exchange().expectStatus().isOk()
        .expectBody(Map.class).returnResult().getResponseBody();
  }

  @SuppressWarnings("unchecked")
  private long updates(String projectId) {
    Map<String, Object> page = http.get().uri("/api/v1/projects/{id}/updates", projectId)
        .header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer("officer.changshan")).exchange().expectStatus().isOk()
        .expectBody(Map.class).returnResult().getResponseBody();
    return ((Number) page.get("total")).longValue();
  }
}
