package org.shanhai.messaging.kafka;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import reactor.core.publisher.Mono;

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
    // Nothing waits on a thread: a check cancelled while a thread blocked on the broker (its
    // timeout, a caller gone) interrupted that thread, and the InterruptedException that followed had
    // no one left to take it but an ERROR in the log.
    return Mono.defer(() -> {
          DescribeClusterResult cluster = admin.describeCluster(
              new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()));
          return Mono.zip(Mono.fromCompletionStage(cluster.clusterId().toCompletionStage()),
              Mono.fromCompletionStage(cluster.nodes().toCompletionStage()));
        })
        .map(answer -> Health.up().withDetail("clusterId", answer.getT1()).withDetail("nodes", answer.getT2().size())
            .build())
        .timeout(timeout.plusSeconds(1))
        .onErrorResume(e -> Mono.just(Health.down(e).build()))
        .defaultIfEmpty(Health.down().withDetail("reason", "the cluster gave no id").build());
  }

  @Override
  public void close() {
    admin.close(Duration.ofSeconds(2));
  }
}
