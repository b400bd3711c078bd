package org.shanhai.alerts.config;

import java.util.function.Consumer;

import org.shanhai.alerts.alert.Evaluation;
import org.shanhai.alerts.delivery.Fanout;
import org.shanhai.alerts.projection.Projections;
import org.shanhai.messaging.consumer.ConsumedEvents;
import org.shanhai.messaging.consumer.IncomingEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The Spring Cloud Stream consumers, one message at a time so the binder's bounded retries and
 * dead-letter topics apply; each awaits its reactive work on the binder's thread, never a Netty one.
 * <ul>
 *   <li>{@code onProjectEvent} ({@code shanhai.projects.v1}, group {@code alerts}) and
 *   {@code onPayoutEvent} ({@code shanhai.payouts.v1}, group {@code alerts}): update the projection,
 *   then run the rules on the subject;</li>
 *   <li>{@code onAlertEvent} ({@code shanhai.alerts.v1}, group {@code alerts-delivery}): fan the
 *   service's own alert events out to the subscriptions they match.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class EventConsumers {

  @Bean
  Consumer<Message<byte[]>> onProjectEvent(Projections projections, Evaluation evaluation, ConsumedEvents consumed) {
    return projectThenEvaluate(projections, evaluation, consumed);
  }

  @Bean
  Consumer<Message<byte[]>> onPayoutEvent(Projections projections, Evaluation evaluation, ConsumedEvents consumed) {
    return projectThenEvaluate(projections, evaluation, consumed);
  }

  private static Consumer<Message<byte[]>> projectThenEvaluate(Projections projections, Evaluation evaluation,
      ConsumedEvents consumed) {
    return message -> consumed.handle(IncomingEvent.from(message),
        event -> projections.apply(event).flatMap(outcome -> evaluation.after(event).thenReturn(outcome)));
  }

  @Bean
  Consumer<Message<byte[]>> onAlertEvent(Fanout fanout, ConsumedEvents consumed) {
    return message -> consumed.handle(IncomingEvent.from(message), fanout::fanOut);
  }
}
