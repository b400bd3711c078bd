package org.shanhai.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.utils.Time;

/**
 * A real Apache Kafka broker in KRaft combined mode (broker and controller in one node), run inside
 * this JVM from the {@code kafka_2.13} artifact: the same broker code as production, no Docker.
 *
 * <p>It can be stopped and started again on the same ports and log directory, which is how the tests
 * take the broker away from a running service and give it back.
 */
public final class KafkaBroker implements AutoCloseable {

  /** Fixed so a restart finds its own formatted log directory again. */
  private static final String CLUSTER_ID = "c2hhbmhhaS1tb25pdG9y";

  private final Path logDir;
  private final int port;
  private final int controllerPort;
  private final int partitions;
  private final int advertisedPort;
  private KafkaRaftServer server;

  public KafkaBroker(Path logDir, int port, int controllerPort, int partitions) {
    this(logDir, port, controllerPort, partitions, port);
  }

  /**
   * @param advertisedPort the port clients are told to connect to after bootstrap: a proxy's in front
   *     of {@code port} (the chaos run's), so that every connection goes through it
   */
  public KafkaBroker(Path logDir, int port, int controllerPort, int partitions, int advertisedPort) {
    this.logDir = logDir;
    this.port = port;
    this.controllerPort = controllerPort;
    this.partitions = partitions;
    this.advertisedPort = advertisedPort;
  }

  /** Where clients find the broker: through its advertised port. */
  public String bootstrapServers() {
    return "localhost:" + advertisedPort;
  }

  /** The port the broker itself listens on (behind a proxy, the proxy's target). */
  public int port() {
    return port;
  }

  public synchronized KafkaBroker start() {
    if (server != null) {
      return this;
    }
    Properties properties = properties();
    format(properties);
    server = new KafkaRaftServer(KafkaConfig.fromProps(properties, false), Time.SYSTEM);
    server.startup();
    return this;
  }

  public synchronized void stop() {
    if (server == null) {
      return;
    }
    server.shutdown();
    server.awaitShutdown();
    server = null;
  }

  public synchronized boolean isRunning() {
    return server != null;
  }

  @Override
  public void close() {
    stop();
  }

  private Properties properties() {
    Properties p = new Properties();
    p.put("process.roles", "broker,controller");
    p.put("node.id", "1");
    p.put("controller.quorum.voters", "1@localhost:" + controllerPort);
    p.put("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
    p.put("advertised.listeners", "PLAINTEXT://localhost:" + advertisedPort);
    p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.put("controller.listener.names", "CONTROLLER");
    p.put("inter.broker.listener.name", "PLAINTEXT");
    p.put("log.dirs", logDir.toAbsolutePath().toString());
    p.put("num.partitions", String.valueOf(partitions));
    // A single node: every internal topic has one replica, and min.insync.replicas=1 keeps acks=all meaningful.
    p.put("offsets.topic.replication.factor", "1");
    p.put("offsets.topic.num.partitions", "5");
    p.put("transaction.state.log.replication.factor", "1");
    p.put("transaction.state.log.min.isr", "1");
    p.put("share.coordinator.state.topic.replication.factor", "1");
    p.put("share.coordinator.state.topic.min.isr", "1");
    p.put("min.insync.replicas", "1");
    p.put("group.initial.rebalance.delay.ms", "0");
    p.put("auto.create.topics.enable", "true");
    // A restarted node re-registers under the same id; a short session lets the controller let go
    // of the old registration quickly, so a restart takes seconds, not the default 9 s more.
    p.put("broker.heartbeat.interval.ms", "500");
    p.put("broker.session.timeout.ms", "2000");
    return p;
  }

  /** {@code kafka-storage.sh format}, once; an already formatted directory is kept as it is. */
  private void format(Properties properties) {
    try {
      Files.createDirectories(logDir);
      Path config = logDir.resolveSibling(logDir.getFileName() + ".properties");
      try (Writer out = Files.newBufferedWriter(config)) {
        properties.store(out, "written by " + KafkaBroker.class.getName());
      }
      ByteArrayOutputStream output = new ByteArrayOutputStream();
      int exit = StorageTool.execute(
          new String[] {"format", "-t", CLUSTER_ID, "-c", config.toString(), "--ignore-formatted"},
          new PrintStream(output, true, StandardCharsets.UTF_8));
      if (exit != 0) {
        throw new IllegalStateException("kafka storage format failed: " + output.toString(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot prepare the Kafka log directory " + logDir, e);
    }
  }
}
