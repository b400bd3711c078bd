package org.shanhai.projects.config;

import org.apache.kafka.clients.admin.NewTopic;
import org.shanhai.events.Sources;
import org.shanhai.events.Topics;
import org.shanhai.messaging.outbox.EventOutbox;
import org.shanhai.projects.county.Counties;
import org.shanhai.projects.project.ProjectPolicy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import tools.jackson.databind.json.JsonMapper;

/** Wires the domain's plain objects; everything else is a component found by scanning. */
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
}
