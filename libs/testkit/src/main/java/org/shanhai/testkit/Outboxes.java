package org.shanhai.testkit;

import static org.awaitility.Awaitility.await;

import java.time.Duration;

import com.mongodb.reactivestreams.client.MongoDatabase;
import org.bson.Document;
import reactor.core.publisher.Flux;

/** For asserting that nothing was published: wait until a service's outboxes are empty and the topic read to its end. */
public final class Outboxes {

  private Outboxes() {
  }

  /**
   * Waits until no document of {@code collections} has a pending outbox entry (so everything
   * written was acknowledged by the broker), then reads {@code topic} to its end; returns how many
   * records it holds.
   */
  public static int awaitQuiet(MongoDatabase database, TopicReader topic, String... collections) {
    await().atMost(Duration.ofSeconds(30)).until(() -> Flux.just(collections)
        .flatMap(c -> database.getCollection(c).countDocuments(new Document("outbox.0", new Document("$exists", true))))
        .reduce(0L, Long::sum).block() == 0);
    return topic.readToEnd().size();
  }
}
