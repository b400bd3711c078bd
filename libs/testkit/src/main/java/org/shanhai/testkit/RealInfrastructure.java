package org.shanhai.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.shanhai.embedded.KafkaBroker;
import org.shanhai.embedded.MongoWireServer;
import org.shanhai.embedded.Ports;
import org.springframework.boot.SpringApplication;

/**
 * The real Kafka broker (KRaft) and the MongoDB wire-protocol server, started once per test JVM on
 * free ports and shared by every test class in it, with the {@link TestIssuer} whose keys the
 * services check tokens against. Spring Boot finds them through the standard properties set here,
 * exactly as a deployed service finds its infrastructure.
 *
 * <p>Use with {@code @ExtendWith(RealInfrastructure.class)} before the Spring extension, or call
 * {@link #start()} directly.
 */
public final class RealInfrastructure implements BeforeAllCallback {

  private static KafkaBroker kafka;
  private static MongoWireServer mongo;

  @Override
  public void beforeAll(ExtensionContext context) {
    start();
  }

  public static synchronized void start() {
    if (kafka != null) {
      return;
    }
    try {
      Path dir = Files.createTempDirectory("shanhai-test-kafka");
      kafka = new KafkaBroker(dir.resolve("log"), Ports.free(), Ports.free(), 3).start();
      mongo = MongoWireServer.inMemory(Ports.free()).start();
      System.setProperty("spring.kafka.bootstrap-servers", kafka.bootstrapServers());
      System.setProperty("spring.mongodb.uri", mongo.connectionString());
      TestIssuer.start();
      // Stopped after Spring Boot has closed the tests' applications, whose graceful shutdown (the
      // relay's last pass, the audit trail's last answers) still needs both. A JVM shutdown hook of
      // its own ran beside Spring's and took them away first: every test JVM that had started a
      // service then waited out its timeouts, and Surefire killed it 30 s after its exit began.
      SpringApplication.getShutdownHandlers().add(() -> {
        mongo.close();
        kafka.close();
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The shared broker; a test that stops it must start it again before it ends. */
  public static KafkaBroker kafka() {
    start();
    return kafka;
  }

  public static String bootstrapServers() {
    return kafka().bootstrapServers();
  }

  public static String mongoUri() {
    start();
    return mongo.connectionString();
  }
}
