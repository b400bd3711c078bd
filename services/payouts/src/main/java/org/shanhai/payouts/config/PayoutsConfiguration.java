package org.shanhai.payouts.config;

import org.apache.kafka.clients.admin.NewTopic;
import org.shanhai.events.Sources;
import org.shanhai.events.Topics;
import org.shanhai.messaging.outbox.EventOutbox;
import org.shanhai.payouts.shareholding.Shareholding;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import tools.jackson.databind.json.JsonMapper;

/** Wires the domain's plain objects; everything else is a component found by scanning. */
@Configuration(proxyBeanMethods = false)
class PayoutsConfiguration {

  /** The topic this service publishes, keyed by project id like the projects topic it follows. */
  @Bean
  NewTopic payoutsTopic(@Value("${shanhai.payouts.topic-partitions:3}") int partitions) {
    return TopicBuilder.name(Topics.PAYOUTS).partitions(partitions).build();
  }

  @Bean
  EventOutbox eventOutbox(JsonMapper json) {
    return new EventOutbox(json, Topics.PAYOUTS, Sources.PAYOUTS);
  }

  @Bean
  Shareholding.Policy shareholdingPolicy(PayoutsProperties properties) {
    return new Shareholding.Policy(properties.maxGuaranteedRate(), properties.defaultTermYears(),
        properties.graceDays());
  }
}
