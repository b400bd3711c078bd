package org.shanhai.alerts.config;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.clients.admin.NewTopic;
import org.shanhai.alerts.alert.AlertService;
import org.shanhai.alerts.alert.AlertStore;
import org.shanhai.alerts.alert.Evaluation;
import org.shanhai.alerts.delivery.Backoff;
import org.shanhai.alerts.delivery.DeliveryMetrics;
import org.shanhai.alerts.delivery.DeliveryService;
import org.shanhai.alerts.delivery.DeliverySettings;
import org.shanhai.alerts.delivery.DeliveryStore;
import org.shanhai.alerts.delivery.DeliveryWorker;
import org.shanhai.alerts.delivery.Fanout;
import org.shanhai.alerts.delivery.Webhooks;
import org.shanhai.alerts.delivery.http.WebhookSender;
import org.shanhai.alerts.projection.Projections;
import org.shanhai.alerts.projection.SubjectViews;
import org.shanhai.alerts.rule.RuleService;
import org.shanhai.alerts.rule.RuleStore;
import org.shanhai.alerts.silence.SilenceService;
import org.shanhai.alerts.silence.SilenceStore;
import org.shanhai.alerts.subscription.SubscriptionService;
import org.shanhai.alerts.subscription.SubscriptionStore;
import org.shanhai.alerts.subscription.WebhookUrlPolicy;
import org.shanhai.alerts.targets.TargetService;
import org.shanhai.alerts.targets.TargetStore;
import org.shanhai.events.Sources;
import org.shanhai.events.Topics;
import org.shanhai.messaging.outbox.EventOutbox;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.security.crypto.encrypt.Encryptors;
import org.springframework.security.crypto.encrypt.TextEncryptor;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wires the domain, which knows no Spring: its services, with the settings of
 * {@code shanhai.alerts.*} handed to them as plain values, and
 * what it publishes. Adapters (controllers, stores, consumers, the SSE stream, schedules, metrics) are
 * components found by scanning, but for the webhook sender, made here with its timeouts.
 */
@Configuration(proxyBeanMethods = false)
class AlertsConfiguration {

  /** The topic this service publishes, keyed by project id like the topics it follows. */
  @Bean
  NewTopic alertsTopic(@Value("${shanhai.alerts.topic-partitions:3}") int partitions) {
    return TopicBuilder.name(Topics.ALERTS).partitions(partitions).build();
  }

  @Bean
  EventOutbox eventOutbox(JsonMapper json) {
    return new EventOutbox(json, Topics.ALERTS, Sources.ALERTS);
  }

  @Bean
  Projections projections(SubjectViews views, Clock clock) {
    return new Projections(views, clock.getZone());
  }

  @Bean
  RuleService ruleService(RuleStore store, Clock clock) {
    return new RuleService(store, clock);
  }

  @Bean
  TargetService targetService(TargetStore store, Clock clock) {
    return new TargetService(store, clock);
  }

  @Bean
  AlertService alertService(AlertStore store, Clock clock) {
    return new AlertService(store, clock);
  }

  @Bean
  Evaluation evaluation(Projections projections, RuleService rules, TargetStore targets, AlertService alerts,
      AlertStore store, Clock clock) {
    return new Evaluation(projections, rules, targets, alerts, store, clock);
  }

  @Bean
  SilenceService silenceService(SilenceStore store, Clock clock) {
    return new SilenceService(store, clock);
  }

  /** Encrypts webhook signing secrets at rest: AES-256-GCM with a random IV per value (Spring Security Crypto). */
  @Bean
  TextEncryptor webhookSecretEncryptor(AlertsProperties properties) {
    return Encryptors.delux(properties.webhooks().secretKey(), properties.webhooks().secretSalt());
  }

  @Bean
  WebhookUrlPolicy webhookUrlPolicy(AlertsProperties properties) {
    List<String> allowed = properties.webhooks().allowedHosts();
    return WebhookUrlPolicy.allowing(allowed == null ? List.of() : allowed);
  }

  @Bean
  SubscriptionService subscriptionService(SubscriptionStore store, WebhookUrlPolicy urls, Clock clock) {
    return new SubscriptionService(store, urls, clock);
  }

  @Bean
  DeliveryService deliveryService(DeliveryStore deliveries, SubscriptionService subscriptions, DeliveryWorker worker,
      Clock clock) {
    return new DeliveryService(deliveries, subscriptions, worker, clock);
  }

  @Bean
  Webhooks webhooks(JsonMapper json, Clock clock, AlertsProperties properties) {
    AlertsProperties.Delivery d = properties.delivery();
    return new WebhookSender(json, clock, d.connectTimeout(), d.responseTimeout());
  }

  @Bean
  DeliveryWorker deliveryWorker(DeliveryStore deliveries, SubscriptionService subscriptions, Webhooks webhooks,
      DeliveryMetrics metrics, Clock clock, AlertsProperties properties) {
    AlertsProperties.Delivery d = properties.delivery();
    Backoff backoff = new Backoff(d.firstRetry(), d.maxRetryDelay(), d.maxAttempts(), d.jitter(),
        () -> ThreadLocalRandom.current().nextDouble());
    return new DeliveryWorker(deliveries, subscriptions, webhooks, metrics, clock,
        new DeliverySettings(d.pollInterval(), d.lease(), backoff));
  }

  /**
   * The worker runs while the service does: started once everything it needs exists, stopped before
   * the database client and the web server go, so attempts in flight finish and are recorded.
   */
  @Bean
  SmartLifecycle deliveryWorkerLifecycle(DeliveryWorker worker) {
    return new SmartLifecycle() {
      @Override
      public void start() {
        worker.start();
      }

      @Override
      public void stop() {
        worker.close();
      }

      @Override
      public boolean isRunning() {
        return worker.isRunning();
      }
    };
  }

  @Bean
  Fanout fanout(SubscriptionService subscriptions, SilenceService silences, AlertStore alerts,
      DeliveryStore deliveries, DeliveryMetrics metrics, DeliveryWorker worker, Clock clock) {
    return new Fanout(subscriptions, silences, alerts, deliveries, metrics, worker, clock);
  }
}
