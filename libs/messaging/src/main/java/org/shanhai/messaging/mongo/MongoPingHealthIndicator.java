package org.shanhai.messaging.mongo;

import java.time.Duration;

import com.mongodb.reactivestreams.client.MongoDatabase;
import org.bson.Document;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import reactor.core.publisher.Mono;

/**
 * MongoDB is up when the service's database answers {@code ping}. Replaces Spring Boot's indicator,
 * whose {@code hello} command the wire-protocol server used locally does not know; {@code ping} is
 * answered by both it and a real MongoDB.
 */
public final class MongoPingHealthIndicator implements ReactiveHealthIndicator {

  private final MongoDatabase database;
  private final Duration timeout;

  public MongoPingHealthIndicator(MongoDatabase database, Duration timeout) {
    this.database = database;
    this.timeout = timeout;
  }

  @Override
  public Mono<Health> health() {
    return Mono.from(database.runCommand(new Document("ping", 1)))
        .timeout(timeout)
        .map(reply -> Health.up().withDetail("database", database.getName()).build())
        .onErrorResume(e -> Mono.just(Health.down(e).withDetail("database", database.getName()).build()));
  }
}
