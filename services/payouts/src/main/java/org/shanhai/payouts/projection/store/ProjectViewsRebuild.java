package org.shanhai.payouts.projection.store;

import java.util.List;

import com.mongodb.reactivestreams.client.MongoDatabase;
import org.shanhai.events.Topics;
import org.shanhai.messaging.rebuild.ViewsPlan;
import org.shanhai.payouts.projection.Projections;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the payouts service's views of projects and pairings are made of, for
 * {@code /actuator/projections} to rebuild them from {@code shanhai.projects.v1}: the binding
 * {@code onProjectEvent-in-0} of group {@code payouts}, folded by the same {@link Projections}.
 */
@Configuration(proxyBeanMethods = false)
class ProjectViewsRebuild {

  @Bean
  ViewsPlan projectViewsPlan(MongoDatabase database) {
    return new ViewsPlan("payouts", List.of("onProjectEvent-in-0"), List.of(Topics.PROJECTS),
        List.of(MongoProjectViews.PROJECTS, MongoProjectViews.PAIRINGS),
        suffix -> new Projections(new MongoProjectViews(database, suffix))::apply);
  }
}
