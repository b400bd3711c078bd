package org.shanhai.payouts.config;

import java.time.Clock;

import org.apache.kafka.clients.admin.NewTopic;
import org.shanhai.events.Sources;
import org.shanhai.events.Topics;
import org.shanhai.events.value.Money;
import org.shanhai.messaging.outbox.EventOutbox;
import org.shanhai.payouts.aid.AidTransferService;
import org.shanhai.payouts.aid.AidTransferStore;
import org.shanhai.payouts.projection.ProjectViews;
import org.shanhai.payouts.projection.Projections;
import org.shanhai.payouts.shareholding.Shareholding;
import org.shanhai.payouts.shareholding.ShareholdingService;
import org.shanhai.payouts.shareholding.ShareholdingStore;
import org.shanhai.payouts.summary.SummaryService;
import org.shanhai.payouts.village.VillageService;
import org.shanhai.payouts.village.VillageStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wires the domain, which knows no Spring: its services, with the settings of
 * {@code shanhai.payouts.*} handed to them as plain values, and
 * what it publishes. Adapters (controllers, stores, consumers, schedules, metrics) are components found by scanning.
 */
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

  @Bean
  Projections projections(ProjectViews views) {
    return new Projections(views);
  }

  @Bean
  VillageService villageService(VillageStore store, Projections projections, PayoutsProperties properties,
      Clock clock) {
    return new VillageService(store, projections, Money.of(properties.weakVillageThreshold()), clock);
  }

  @Bean
  ShareholdingService shareholdingService(ShareholdingStore store, Projections projections, VillageStore villages,
      Shareholding.Policy policy, Clock clock) {
    return new ShareholdingService(store, projections, villages, policy, clock);
  }

  @Bean
  AidTransferService aidTransferService(AidTransferStore store, Projections projections, VillageStore villages,
      Clock clock) {
    return new AidTransferService(store, projections, villages, clock);
  }

  @Bean
  SummaryService summaryService(ShareholdingService shareholdings, VillageStore villages, Projections projections,
      Clock clock) {
    return new SummaryService(shareholdings, villages, projections, clock);
  }
}
