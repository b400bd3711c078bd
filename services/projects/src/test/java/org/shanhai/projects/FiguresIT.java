package org.shanhai.projects;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.shanhai.projects.project.ProjectService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The year's figures by mountain county follow the projects' own histories. */
@ProjectsServiceTest
class FiguresIT {

  private static final ZoneId ZHEJIANG = ZoneId.of("Asia/Shanghai");

  @Autowired
  WebTestClient http;
  @Autowired
  ProjectService projects;

  @Test
  void aProjectStartedThisYearCountsWithTheInvestmentItCompletedInTheYear() {
    LocalDate today = LocalDate.now(ZHEJIANG);
    Map<String, Object> before = changshan(today.getYear());
    startedWith2500000(new Officer(http, "officer.changshan"), today);

    Map<String, Object> after = changshan(today.getYear());

    assertThat((Integer) after.get("projects")).isEqualTo((Integer) before.get("projects") + 1);
    assertThat((Integer) after.get("started")).isEqualTo((Integer) before.get("started") + 1);
    assertThat(new BigDecimal((String) after.get("invested")).subtract(new BigDecimal((String) before.get("invested"))))
        .isEqualByComparingTo("2500000.00");
    assertThat(new BigDecimal((String) after.get("planned")).subtract(new BigDecimal((String) before.get("planned"))))
        .isEqualByComparingTo("93000000.00");
  }

  @Test
  void theFiguresFollowLaterUpdatesOfAProjectWhoseEarlierOnesWereArchived() {
    LocalDate today = LocalDate.now(ZHEJIANG);
    Map<String, Object> before = changshan(today.getYear());
    Officer officer = new Officer(http, "officer.changshan");
    String project = startedWith2500000(officer, today.minusYears(1));
    archiveAll();
    changshan(today.getYear());
    officer.update(project, """
        {"reportDate":"%s","cumulativeInvestment":"4000000.00"}""".formatted(today), null).expectStatus().isCreated();
    archiveAll();

    Map<String, Object> after = changshan(today.getYear());

    // Only the archived updates say the project started last year and had 2.5 million done by its end.
    assertThat((Integer) after.get("projects")).isEqualTo((Integer) before.get("projects") + 1);
    assertThat(after.get("started")).as("started last year").isEqualTo(before.get("started"));
    assertThat(new BigDecimal((String) after.get("invested")).subtract(new BigDecimal((String) before.get("invested"))))
        .isEqualByComparingTo("1500000.00");
  }

  @Test
  void aHistoryLongerThanOneReplyOfTheArchiveIsFoldedWhole() {
    LocalDate today = LocalDate.now(ZHEJIANG);
    Map<String, Object> before = changshan(today.getYear());
    Officer officer = new Officer(http, "officer.changshan");
    String project = officer.anIndustrialEnclave();
    // More than the 500 archived updates one reply of the archive carries: the fold must read past the first.
    int updates = 520;
    for (int i = 1; i <= updates; i++) {
      officer.update(project, """
          {"reportDate":"%s","cumulativeInvestment":"%d.00"}""".formatted(today, i * 1000), null)
          .expectStatus().isCreated();
    }
    archiveAll();

    Map<String, Object> after = changshan(today.getYear());

    assertThat(new BigDecimal((String) after.get("invested")).subtract(new BigDecimal((String) before.get("invested"))))
        .as("the last of the %d updates counts", updates).isEqualByComparingTo("520000.00");
  }

  @Test
  void aYearOutsideTheProgrammesIsABadRequest() {
    http.get().uri("/api/v1/figures?year={y}", LocalDate.now(ZHEJIANG).getYear() + 1).exchange()
        .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("year");
  }

  /** A new enclave of the officer's county, reported under construction with 2.5 million invested on {@code date}. */
  private static String startedWith2500000(Officer officer, LocalDate date) {
    String project = officer.anIndustrialEnclave();
    officer.update(project, """
        {"reportDate":"%s","status":"UNDER_CONSTRUCTION","cumulativeInvestment":"2500000.00"}"""
        .formatted(date), null).expectStatus().isCreated();
    return project;
  }

  /** Moves every update still in a project's document to the archive, as the service does in the background. */
  private void archiveAll() {
    while (projects.archiveUpdates().block()) {
      // the next batch
    }
  }

  /** 常山's row, zeros before it has any project. */
  private Map<String, Object> changshan(int year) {
    Map<String, Object> figures = http.get().uri("/api/v1/figures?year={y}", year).exchange()
        .expectStatus().isOk().expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
        .returnResult().getResponseBody();
    assertThat(figures.get("year")).isEqualTo(year);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> counties = (List<Map<String, Object>>) figures.get("counties");
    return counties.stream().filter(c -> Officer.CHANGSHAN.equals(c.get("county"))).findFirst()
        .orElse(Map.of("projects", 0, "started", 0, "invested", "0", "planned", "0"));
  }
}
