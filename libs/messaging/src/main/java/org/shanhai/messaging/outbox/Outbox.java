package org.shanhai.messaging.outbox;

import java.util.List;

import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The outbox lives inside each aggregate's own MongoDB document, in the array {@value #FIELD}: a
 * state change and the events it causes are one single-document write, which is atomic on any
 * MongoDB (the wire-protocol server has no transactions). {@link OutboxRelay} publishes the entries
 * and removes them.
 */
public final class Outbox {

  /** The array of pending {@link OutboxEntry} in an aggregate document. */
  public static final String FIELD = "outbox";

  /** Which relay instance is publishing this document's entries, and until when. */
  static final String LEASE = "outboxLease";

  private Outbox() {
  }

  /** The update that appends {@code entries} to a document's outbox; combine it with the state change. */
  public static Bson append(List<OutboxEntry> entries) {
    return Updates.pushEach(FIELD, entries.stream().map(OutboxEntry::toDocument).toList(), new PushOptions());
  }

  /** The outbox array for a document that is inserted whole. */
  public static List<Document> asDocuments(List<OutboxEntry> entries) {
    return entries.stream().map(OutboxEntry::toDocument).toList();
  }
}
