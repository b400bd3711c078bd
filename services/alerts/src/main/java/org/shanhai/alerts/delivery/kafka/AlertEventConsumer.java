package org.shanhai.alerts.delivery.kafka;

import java.util.List;
import java.util.function.Consumer;

import org.shanhai.alerts.delivery.Fanout;
import org.shanhai.events.alerts.AlertEvent;
import org.shanhai.messaging.consumer.ConsumedEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import reactor.core.publisher.Mono;

/**
 * {@code onAlertEvent}: the consumer of the service's own {@code shanhai.alerts.v1} (group
 * {@code alerts-delivery}), which fans each alert event out to the subscriptions it matches; a poll
 * at a time, an alert's events in their order ({@link ConsumedEvents}).
 */
@Configuration(proxyBeanMethods = false)
class AlertEventConsumer {

  @Bean
  Consumer<Message<List<byte[]>>> onAlertEvent(Fanout fanout, ConsumedEvents consumed) {
    return poll -> consumed.handle(poll, incoming -> incoming.event() instanceof AlertEvent event
        ? fanout.fanOut(incoming.id(), incoming.time(), incoming.data(), event)
        : Mono.just(false));
  }
}
