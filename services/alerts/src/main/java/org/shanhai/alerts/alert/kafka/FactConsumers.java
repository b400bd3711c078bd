package org.shanhai.alerts.alert.kafka;

import java.util.List;
import java.util.function.Consumer;

import org.shanhai.alerts.alert.Evaluation;
import org.shanhai.alerts.rule.RuleBook;
import org.shanhai.messaging.consumer.ConsumedEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import reactor.core.publisher.Mono;

/**
 * The consumers of the facts the rules look at, a poll at a time, a subject's facts in their order
 * ({@link ConsumedEvents}); each awaits its reactive work on the binder's thread, never a Netty one: {@code onProjectEvent} ({@code shanhai.projects.v1}, group {@code alerts}) and
 * {@code onPayoutEvent} ({@code shanhai.payouts.v1}, group {@code alerts}) fold the event into the
 * projection, then run the rules on its subject.
 */
@Configuration(proxyBeanMethods = false)
class FactConsumers {

  @Bean
  Consumer<Message<List<byte[]>>> onProjectEvent(Evaluation evaluation, ConsumedEvents consumed) {
    return facts(evaluation, consumed);
  }

  @Bean
  Consumer<Message<List<byte[]>>> onPayoutEvent(Evaluation evaluation, ConsumedEvents consumed) {
    return facts(evaluation, consumed);
  }

  /**
   * Each poll's facts, judged by the rules as read once for the poll, from their views and alerts as
   * read at once for the poll.
   */
  private static Consumer<Message<List<byte[]>>> facts(Evaluation evaluation, ConsumedEvents consumed) {
    return poll -> {
      Mono<RuleBook> rules = evaluation.rulesForAPoll();
      consumed.handle(poll, evaluation::readAhead,
          incoming -> evaluation.onFact(incoming.event(), incoming.time(), rules));
    };
  }
}
