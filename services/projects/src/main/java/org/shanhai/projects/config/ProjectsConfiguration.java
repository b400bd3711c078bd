package org.shanhai.projects.config;

import java.time.Clock;

import org.apache.kafka.clients.admin.NewTopic;
import org.shanhai.events.Sources;
import org.shanhai.events.Topics;
import org.shanhai.messaging.outbox.EventOutbox;
import org.shanhai.projects.county.Counties;
import org.shanhai.projects.imports.ImportService;
import org.shanhai.projects.imports.ImportStore;
import org.shanhai.projects.imports.file.SpreadsheetFile;
import org.shanhai.projects.pairing.PairingService;
import org.shanhai.projects.pairing.PairingStore;
import org.shanhai.projects.project.ProjectPolicy;
import org.shanhai.projects.project.ProjectService;
import org.shanhai.projects.project.ProjectStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wires the domain, which knows no Spring: its services and policies, and what it publishes. Adapters (controllers, stores, metrics) are components found by scanning.
 */
@Configuration(proxyBeanMethods = false)
class ProjectsConfiguration {

  /**
   * The topic this service publishes, created at start-up if missing. Keyed by project id, so its
   * partition count bounds the parallelism of every consumer; raise it before the consumers scale out.
   */
  @Bean
  NewTopic projectsTopic(@Value("${shanhai.projects.topic-partitions:3}") int partitions) {
    return TopicBuilder.name(Topics.PROJECTS).partitions(partitions).build();
  }

  @Bean
  EventOutbox eventOutbox(JsonMapper json) {
    return new EventOutbox(json, Topics.PROJECTS, Sources.PROJECTS);
  }

  @Bean
  Counties counties() {
    return new Counties();
  }

  @Bean
  ProjectPolicy projectPolicy(ProjectsProperties properties) {
    ProjectsProperties.Validation v = properties.validation();
    return new ProjectPolicy(v.maxFundsInPlaceMultiple(), v.largeIncrementShare(), v.completionMinShare());
  }

  @Bean
  PairingService pairingService(PairingStore store, Counties counties, Clock clock) {
    return new PairingService(store, counties, clock);
  }

  @Bean
  ImportService importService(ImportStore store, ProjectService projects, PairingService pairings, Counties counties,
      Clock clock, ProjectsProperties properties) {
    ProjectsProperties.Imports i = properties.imports();
    return new ImportService(store, projects, pairings, counties, clock, new ImportService.Settings(
        new SpreadsheetFile.Limits(i.maxUnzippedSize().toBytes(), i.maxRows()), i.lease()));
  }

  @Bean
  ProjectService projectService(ProjectStore store, PairingService pairings, Counties counties, ProjectPolicy policy,
      Clock clock) {
    return new ProjectService(store, pairings, counties, policy, clock);
  }
}
