package org.shanhai.alerts.projection.store;

import java.time.Clock;
import java.util.List;

import com.mongodb.reactivestreams.client.MongoDatabase;
import org.shanhai.alerts.projection.Projections;
import org.shanhai.events.Topics;
import org.shanhai.messaging.rebuild.ViewsPlan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the alerts service's views of projects, payouts and villages are made of, for
 * {@code /actuator/projections} to rebuild them from {@code shanhai.projects.v1} and
 * {@code shanhai.payouts.v1}: the bindings of group {@code alerts}, folded by the same
 * {@link Projections}. The rules are not run by the rebuild; the next round of the rule clock runs
 * them over the rebuilt views.
 */
@Configuration(proxyBeanMethods = false)
class SubjectViewsRebuild {

  @Bean
  ViewsPlan subjectViewsPlan(MongoDatabase database, Clock clock) {
    return new ViewsPlan("alerts", List.of("onProjectEvent-in-0", "onPayoutEvent-in-0"),
        List.of(Topics.PROJECTS, Topics.PAYOUTS),
        List.of(MongoSubjectViews.PROJECTS, MongoSubjectViews.PAYOUTS, MongoSubjectViews.VILLAGES),
        suffix -> new Projections(new MongoSubjectViews(database, suffix), clock.getZone())::apply);
  }
}
