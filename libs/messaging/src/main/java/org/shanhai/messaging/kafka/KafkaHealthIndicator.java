package org.shanhai.messaging.kafka;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Kafka is up when the cluster answers a describe-cluster request within the timeout. Part of the
 * readiness group: a service that cannot reach the broker still accepts writes (the outbox holds
 * them), but it should not be the one a load balancer prefers.
 */
public final class KafkaHealthIndicator implements ReactiveHealthIndicator, AutoCloseable {

  private final Admin admin;
  private final Duration timeout;

  public KafkaHealthIndicator(Map<String, Object> adminProperties, Duration timeout) {
    this.admin = Admin.create(adminProperties);
    this.timeout = timeout;
  }

  @Override
  public Mono<Health> health() {
    return Mono.fromCallable(() -> {
          DescribeClusterResult cluster = admin.describeCluster(
              new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()));
          return Health.up()
              .withDetail("clusterId", cluster.clusterId().get())
              .withDetail("nodes", cluster.nodes().get().size())
              .build();
        })
        .subscribeOn(Schedulers.boundedElastic())
        .timeout(timeout.plusSeconds(1))
        .onErrorResume(e -> Mono.just(Health.down(e).build()));
  }

  @Override
  public void close() {
    admin.close(Duration.ofSeconds(2));
  }
}
