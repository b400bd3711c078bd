package org.shanhai.alerts.delivery.kafka;

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
 * {@code alerts-delivery}), which fans each alert event out to the subscriptions it matches; one
 * message at a time so the binder's bounded retries and dead-letter topic apply.
 */
@Configuration(proxyBeanMethods = false)
class AlertEventConsumer {

  @Bean
  Consumer<Message<byte[]>> onAlertEvent(Fanout fanout, ConsumedEvents consumed) {
    return message -> consumed.handle(message, incoming -> incoming.event() instanceof AlertEvent event
        ? fanout.fanOut(incoming.id(), incoming.time(), incoming.data(), event)
        : Mono.just(false));
  }
}
