package org.shanhai.payouts.projection.kafka;

import java.util.List;
import java.util.function.Consumer;

import org.shanhai.messaging.consumer.ConsumedEvents;
import org.shanhai.payouts.projection.Projections;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * {@code onProjectEvent}: the Spring Cloud Stream consumer of {@code shanhai.projects.v1} (group
 * {@code payouts}), a poll at a time, a project's events in their order ({@link ConsumedEvents}), from
 * the views the poll's events fold into read for all of them at once; the reactive projection writes
 * are awaited on the binder's thread, never on a Netty thread.
 */
@Configuration(proxyBeanMethods = false)
class ProjectEventConsumer {

  @Bean
  Consumer<Message<List<byte[]>>> onProjectEvent(Projections projections, ConsumedEvents consumed) {
    return poll -> consumed.handle(poll, projections::readAhead, incoming -> projections.apply(incoming.event()));
  }
}
