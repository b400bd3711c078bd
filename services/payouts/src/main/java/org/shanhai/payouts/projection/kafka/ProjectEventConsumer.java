package org.shanhai.payouts.projection.kafka;

import java.util.function.Consumer;

import org.shanhai.messaging.consumer.ConsumedEvents;
import org.shanhai.payouts.projection.Projections;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * {@code onProjectEvent}: the Spring Cloud Stream consumer of {@code shanhai.projects.v1} (group
 * {@code payouts}), one message at a time so the binder's bounded retries and dead-letter topic
 * apply; the reactive projection write is awaited on the binder's thread, never on a Netty thread.
 */
@Configuration(proxyBeanMethods = false)
class ProjectEventConsumer {

  @Bean
  Consumer<Message<byte[]>> onProjectEvent(Projections projections, ConsumedEvents consumed) {
    return message -> consumed.handle(message, incoming -> projections.apply(incoming.event()));
  }
}
