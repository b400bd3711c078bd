package org.shanhai.messaging.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.shanhai.testkit.RealInfrastructure;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import reactor.core.Disposable;
import reactor.core.publisher.Hooks;

@ExtendWith(RealInfrastructure.class)
class KafkaHealthIndicatorIT {

  @Test
  void theBrokerAnsweringIsUpWithItsClusterId() {
    try (KafkaHealthIndicator indicator = new KafkaHealthIndicator(
        Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.bootstrapServers()), Duration.ofSeconds(5))) {
      Health health = indicator.health().block(Duration.ofSeconds(10));

      assertThat(health.getStatus()).isEqualTo(Status.UP);
      assertThat(health.getDetails()).containsKey("clusterId").containsEntry("nodes", 1);
    }
  }

  @Test
  void noBrokerIsDownWithinTheTimeout() throws IOException {
    try (KafkaHealthIndicator indicator = new KafkaHealthIndicator(
        Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + freePort()), Duration.ofSeconds(1))) {
      long start = System.nanoTime();
      Health health = indicator.health().block(Duration.ofSeconds(10));

      assertThat(health.getStatus()).isEqualTo(Status.DOWN);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }
  }

  @Test
  void aCheckCancelledWhileWaitingDropsNoError() throws Exception {
    StringBuffer dropped = new StringBuffer();
    Hooks.onErrorDropped(e -> dropped.append(e));
    try (KafkaHealthIndicator indicator = new KafkaHealthIndicator(
        Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + freePort()), Duration.ofSeconds(2))) {
      // The caller gives up while the check waits on the broker, as a readiness poll or a load balancer does.
      Disposable check = indicator.health().subscribe();
      Thread.sleep(500);
      check.dispose();
      Thread.sleep(3_000);

      assertThat(dropped).isEmpty();
    } finally {
      Hooks.resetOnErrorDropped();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
