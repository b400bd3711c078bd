package org.shanhai.testkit;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import com.mongodb.reactivestreams.client.MongoDatabase;
import org.bson.Document;
import reactor.core.publisher.Flux;

/** For asserting that nothing was published: wait until a service's outboxes are empty and the topic read to its end. */
public final class Outboxes {

  /**
   * The arrays of a document whose entries are moved out of it in the background: events by the
   * outbox relay, a project's updates by its archive.
   */
  static final List<String> MOVED_OUT = List.of("outbox", "updates");

  private Outboxes() {
  }

  /**
   * Waits until no document of {@code collections} has anything waiting to be moved out of it: an
   * outbox entry (so everything written was acknowledged by the broker) or an update on its way to
   * the history (a project's, see the projects service's store); then reads {@code topic} to its end
   * and returns how many records it holds.
   */
  public static int awaitQuiet(MongoDatabase database, TopicReader topic, String... collections) {
    await().atMost(Duration.ofSeconds(30)).until(() -> Flux.just(collections)
        .flatMap(c -> database.getCollection(c).countDocuments(new Document("$or", MOVED_OUT.stream()
            .map(field -> new Document(field + ".0", new Document("$exists", true))).toList())))
        .reduce(0L, Long::sum).block() == 0);
    return topic.readToEnd().size();
  }
}
