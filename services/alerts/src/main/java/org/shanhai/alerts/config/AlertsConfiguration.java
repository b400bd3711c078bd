package org.shanhai.alerts.config;

import java.util.List;

import org.apache.kafka.clients.admin.NewTopic;
import org.shanhai.alerts.subscription.WebhookUrlPolicy;
import org.shanhai.events.Sources;
import org.shanhai.events.Topics;
import org.shanhai.messaging.outbox.EventOutbox;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import tools.jackson.databind.json.JsonMapper;

/** Wires the domain's plain objects; everything else is a component found by scanning. */
@Configuration(proxyBeanMethods = false)
class AlertsConfiguration {

  /** The topic this service publishes, keyed by project id like the topics it follows. */
  @Bean
  NewTopic alertsTopic(@Value("${shanhai.alerts.topic-partitions:3}") int partitions) {
    return TopicBuilder.name(Topics.ALERTS).partitions(partitions).build();
  }

  @Bean
  EventOutbox eventOutbox(JsonMapper json) {
    return new EventOutbox(json, Topics.ALERTS, Sources.ALERTS);
  }

  @Bean
  WebhookUrlPolicy webhookUrlPolicy(AlertsProperties properties) {
    return WebhookUrlPolicy.allowing(properties.webhooks().allowedHosts() == null ? List.of()
        : properties.webhooks().allowedHosts());
  }
}
