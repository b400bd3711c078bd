package org.shanhai.projects;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.shanhai.messaging.schedule.Turns;
import org.shanhai.projects.metrics.ProjectMetrics;
import org.shanhai.projects.project.ProjectService;
import org.shanhai.testkit.Prometheus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The programme figures on /actuator/prometheus follow what officers report: starts, completions,
 * investment per year, and the projects whose plan is not known yet.
 */
@ProjectsServiceTest
class ProjectMetricsIT {

  @Autowired
  WebTestClient http;
  @Autowired
  ProjectMetrics metrics;
  @Autowired
  ProjectService projects;
  @Autowired
  MongoDatabase database;
  @Autowired
  Clock clock;

  /**
   * Two instances of the service: the figures are shown by the one whose turn it is, and by the other
   * once the first stops, never by both, so that summed over the instances they count every project once.
   */
  @Test
  void withTwoInstancesOnlyTheOneWhoseTurnItIsShowsTheFigures() throws InterruptedException {
    new Officer(http, "officer.changshan").anIndustrialEnclave();
    MongoCollection<Document> turns = database.getCollection("turns-" + UUID.randomUUID());
    Duration interval = Duration.ofMillis(400);
    SimpleMeterRegistry firstMeters = new SimpleMeterRegistry();
    SimpleMeterRegistry secondMeters = new SimpleMeterRegistry();
    ProjectMetrics first = new ProjectMetrics(projects, firstMeters, new Turns(turns, clock, "first"), interval);
    ProjectMetrics second = new ProjectMetrics(projects, secondMeters, new Turns(turns, clock, "second"), interval);

    first.refresh();
    second.refresh();
    assertThat(firstMeters.find("shanhai.projects").gauges()).isNotEmpty();
    assertThat(secondMeters.find("shanhai.projects").gauges()).isEmpty();

    // The first instance stops (it refreshes no more): after its turn lapses the second shows the figures.
    Thread.sleep(interval.multipliedBy(3).toMillis());
    second.refresh();
    first.refresh();
    assertThat(secondMeters.find("shanhai.projects").gauges()).isNotEmpty();
    assertThat(firstMeters.find("shanhai.projects").gauges()).as("back, it shows nothing").isEmpty();
  }

  @Test
  void startsCompletionsAndInvestmentPerYearFollowTheReports() {
    Officer officer = new Officer(http, "officer.changshan");
    metrics.refresh();
    Map<String, Double> before = figures();

    String enclave = officer.anIndustrialEnclave();
    officer.update(enclave, """
        {"reportDate":"2021-06-30","status":"UNDER_CONSTRUCTION","cumulativeInvestment":"30000000.00"}""", null)
        .expectStatus().isCreated();
    officer.update(enclave, """
        {"reportDate":"2022-12-31","status":"COMPLETED","cumulativeInvestment":"90000000.00"}""", null)
        .expectStatus().isCreated();
    metrics.refresh();
    Map<String, Double> after = figures();

    assertThat(delta(before, after, "shanhai_projects_started", "year=\"2021\"")).isEqualTo(1.0);
    assertThat(delta(before, after, "shanhai_projects_completed", "year=\"2022\"")).isEqualTo(1.0);
    assertThat(delta(before, after, "shanhai_projects_invested_yuan", "year=\"2021\"")).isEqualTo(30_000_000.0);
    assertThat(delta(before, after, "shanhai_projects_invested_yuan", "year=\"2022\"")).isEqualTo(60_000_000.0);
    assertThat(delta(before, after, "shanhai_projects", "status=\"COMPLETED\"")).isEqualTo(1.0);
    assertThat(delta(before, after, "shanhai_projects_planned_investment_yuan", "kind=\"INDUSTRIAL_ENCLAVE\""))
        .isEqualTo(93_000_000.0);
    assertThat(delta(before, after, "shanhai_projects_completed_investment_yuan", "kind=\"INDUSTRIAL_ENCLAVE\""))
        .isEqualTo(90_000_000.0);
  }

  @Test
  void aProjectWithoutAKnownPlanIsCountedApartAndLeftOutOfProgressAgainstPlan() {
    Officer officer = new Officer(http, "officer.changshan");
    metrics.refresh();
    Map<String, Double> before = figures();

    String enclave = officer.registerProject(officer.pairing(Officer.CHANGSHAN, Officer.CIXI), """
        {"pairingId":"%s","name":"常山—慈溪科创飞地 %s","kind":"SCI_TECH_ENCLAVE","hostCounty":"330822"}""");
    officer.update(enclave, """
        {"reportDate":"2021-06-30","status":"UNDER_CONSTRUCTION","cumulativeInvestment":"5000000.00"}""", null)
        .expectStatus().isCreated();
    metrics.refresh();
    Map<String, Double> after = figures();

    assertThat(delta(before, after, "shanhai_projects_planned_investment_unknown", "kind=\"SCI_TECH_ENCLAVE\""))
        .isEqualTo(1.0);
    assertThat(delta(before, after, "shanhai_projects_completed_investment_yuan", "kind=\"SCI_TECH_ENCLAVE\""))
        .isZero();
    assertThat(delta(before, after, "shanhai_projects_invested_yuan", "year=\"2021\"")).isEqualTo(5_000_000.0);
  }

  /** Every sample of 常山—慈溪 on the scrape, by its whole line up to the value. */
  private Map<String, Double> figures() {
    String body = Prometheus.scrape(http);
    return body.lines().filter(l -> l.startsWith("shanhai_projects") && l.contains("county=\"330822\"")
            && l.contains("partner=\"330282\""))
        .collect(java.util.stream.Collectors.toMap(l -> l.substring(0, l.lastIndexOf(' ')),
            l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))));
  }

  private static double delta(Map<String, Double> before, Map<String, Double> after, String name, String label) {
    return sum(after, name, label) - sum(before, name, label);
  }

  private static double sum(Map<String, Double> samples, String name, String label) {
    return samples.entrySet().stream().filter(e -> e.getKey().startsWith(name + "{") && e.getKey().contains(label))
        .mapToDouble(Map.Entry::getValue).sum();
  }
}
