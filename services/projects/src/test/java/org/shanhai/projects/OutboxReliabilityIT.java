package org.shanhai.projects;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.shanhai.embedded.ServiceProcess;
import org.shanhai.events.Topics;
import org.shanhai.events.projects.ProgressReported;
import org.shanhai.testkit.RealInfrastructure;
import org.shanhai.testkit.TestIssuer;
import org.shanhai.testkit.TopicReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Nothing committed is lost when the broker goes away or the service dies between its write and the publish. */
@ProjectsServiceTest
class OutboxReliabilityIT {

  private static final Duration WAIT = Duration.ofSeconds(60);
  @RegisterExtension
  static final TopicReader topic = new TopicReader(Topics.PROJECTS);

  @Autowired
  WebTestClient http;

  @Test
  void publishesEveryUpdateInPerProjectOrderAfterTheBrokerReturns() {
    Officer officer = new Officer(http, "officer.changshan");
    List<String> projects = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      projects.add(officer.anIndustrialEnclave());
    }
    projects.forEach(p -> topic.awaitKey(p, 1, WAIT));

    RealInfrastructure.kafka().stop();
    try {
      for (int day = 1; day <= 20; day++) {
        for (String project : projects) {
          officer.update(project, """
              {"reportDate":"2021-06-%02d","cumulativeInvestment":"%d.00"}""".formatted(day, day * 1_000_000L), null)
              .expectStatus().isCreated();
        }
      }
    } finally {
      RealInfrastructure.kafka().start();
    }

    for (String project : projects) {
      List<Long> sequences = topic.awaitUntil(all -> distinctSequences(all, project).size() == 21, WAIT).stream()
          .filter(r -> project.equals(r.key()) && ProgressReported.TYPE.equals(r.type()))
          .map(TopicReader.Received::sequence).toList();
      assertThat(new ArrayList<>(new LinkedHashSet<>(sequences)))
          .as("first arrival of each update of %s, in order, none missing", project)
          .containsExactlyElementsOf(LongStream.rangeClosed(2, 21).boxed().toList());
    }
  }

  /**
   * The service runs as its own process: with the broker away, an update is committed, then the
   * process is killed with SIGKILL. After the broker and a new process come back, the event arrives.
   */
  @Test
  void publishesAnEventCommittedJustBeforeTheServiceWasKilled() throws Exception {
    Path jar = Path.of("target", "shanhai-projects.jar");
    assertThat(jar).as("the packaged service (built by mvn package before integration tests)").exists();
    Path log = Files.createTempDirectory("shanhai-kill-test").resolve("projects.log");
    int port = freePort();
    Map<String, String> settings = new HashMap<>(TestIssuer.settings());
    settings.put("spring.kafka.bootstrap-servers", RealInfrastructure.bootstrapServers());
    settings.put("spring.mongodb.uri", RealInfrastructure.mongoUri());
    // Its own database: the shared test service's relay must not publish this event for it.
    settings.put("spring.mongodb.database", "projects-kill-test");
    List<String> jvm = List.of("-Xmx256m", "-XX:TieredStopAtLevel=1");

    String projectId;
    ServiceProcess service = ServiceProcess.start("projects", jar, port, settings, log, jvm);
    try {
      service.awaitReady(WAIT);
      WebTestClient client = WebTestClient.bindToServer().baseUrl(service.baseUrl()).build();
      Officer officer = new Officer(client, "officer.changshan");
      projectId = officer.anIndustrialEnclave();
      topic.awaitKey(projectId, 1, WAIT);

      RealInfrastructure.kafka().stop();
      officer.update(projectId, """
          {"reportDate":"2021-06-30","status":"UNDER_CONSTRUCTION"}""", "before-the-crash")
          .expectStatus().isCreated();
      service.kill();
    } finally {
      RealInfrastructure.kafka().start();
      service.close();
    }
    assertThat(topic.drainFor(Duration.ofSeconds(1)).stream().filter(r -> projectId.equals(r.key()))).hasSize(1);

    try (ServiceProcess restarted = ServiceProcess.start("projects", jar, port, settings, log, jvm)) {
      restarted.awaitUp(WAIT);
      List<TopicReader.Received> events = topic.awaitKey(projectId, 3, WAIT);
      assertThat(events).extracting(TopicReader.Received::sequence).startsWith(1L, 2L, 3L);
    }
  }

  private static Set<Long> distinctSequences(List<TopicReader.Received> all, String project) {
    return all.stream().filter(r -> project.equals(r.key())).map(TopicReader.Received::sequence)
        .collect(Collectors.toSet());
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
