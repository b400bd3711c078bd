package org.shanhai.messaging.consumer;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.bson.Document;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * The documents a poll's events will start from, read before any of them is applied: one read per
 * collection for the whole poll instead of one per event, which was most of what a consumer's event
 * cost at a high rate (each round trip's work in the driver, on the wire and in the database).
 *
 * <p>{@link ConsumedEvents} makes one for each poll and hands it down in the Reactor context of the
 * poll's work: to the consumer's read-ahead, where the stores file what they read
 * ({@link Views#readAhead}), and to the handling of each event, where they take it. The domain
 * between the consumer and its stores only says which documents its events will need; it passes
 * nothing. Work outside a poll (a rebuild, the clock's rounds, a request) has none in its context
 * and reads as it always did.
 *
 * <p>Each document is filed under its collection and the key its store finds it by (a view's id, an
 * alert's fingerprint), or as known to be absent. It is the one stored when the poll began, so whoever
 * takes it must write guarded by what it read, as the views and alerts do: a document changed
 * meanwhile fails the write and is read again. A key's document is taken once: the next event of the
 * same key reads it afresh, unless the taker filed what it wrote in its place ({@link #keep}).
 * Shared by the poll's keys applied side by side, so thread-safe.
 */
public final class ReadAhead {

  private final Map<String, Map<String, Optional<Document>>> documents = new ConcurrentHashMap<>();

  ReadAhead() {
  }

  /** Puts this read-ahead in the context of the work it is for. */
  Function<Context, Context> inContext() {
    return context -> context.put(ReadAhead.class, this);
  }

  /** The read-ahead of the poll whose work this is, if it is a poll's. */
  public static Mono<Optional<ReadAhead>> current() {
    return Mono.deferContextual(context -> Mono.just(context.getOrEmpty(ReadAhead.class)));
  }

  /** Files what was read of {@code collection}: the document of each key asked for, or empty where none was found. */
  public void file(String collection, Map<String, Optional<Document>> read) {
    documents.computeIfAbsent(collection, c -> new ConcurrentHashMap<>()).putAll(read);
  }

  /**
   * The document of {@code key} as read ahead, once: empty when it was not read ahead (or was taken
   * already), else the document or, when none was stored, an empty one.
   */
  public Optional<Optional<Document>> take(String collection, String key) {
    Map<String, Optional<Document>> read = documents.get(collection);
    return read == null ? Optional.empty() : Optional.ofNullable(read.remove(key));
  }

  /**
   * Files {@code stored} as what the next event of {@code key} starts from: the document a guarded
   * write has just stored, or the one taken, when nothing was written.
   */
  public void keep(String collection, String key, Document stored) {
    documents.computeIfAbsent(collection, c -> new ConcurrentHashMap<>()).put(key, Optional.of(stored));
  }
}
