package org.shanhai.embedded;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;

/**
 * mongo-java-server's in-memory backend, with the index use MongoDB's query planner has and it
 * lacks. The server uses an index only when a query has exactly the index's fields, and keeps no
 * index but unique ones, so every guarded write ({@code _id} and {@code sequence}, {@code _id} and a
 * lease owner) and every lookup by a secondary key (an alert's fingerprint, a delivery's
 * subscription) scanned its whole collection: the largest share of the stack's own CPU in the bench,
 * and a cost that grew with the collection.
 *
 * <p>Here a query that pins {@code _id} (at the top or in an {@code $and}) reads the documents the
 * {@code _id} index names, and one that pins the first field of a secondary index to a string reads
 * the documents filed under that string, plus every document where an array lies on the field's path
 * (an array matches a string it contains). Either way the documents read are still matched against
 * the whole query, in the order a scan would visit them, so the answers are exactly a scan's.
 */
final class IndexedMemoryBackend extends MemoryBackend {

  @Override
  public MemoryDatabase openOrCreateDatabase(String databaseName) {
    return new MemoryDatabase(databaseName, getCursorRegistry()) {
      @Override
      protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
        return new IndexedCollection(this, collectionName, options, cursorRegistry);
      }

      @Override
      protected Index<Integer> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
          boolean sparse) {
        return new StringKeyIndex(indexName, keys, sparse);
      }
    };
  }

  private static final class IndexedCollection extends MemoryCollection {

    IndexedCollection(MongoDatabase database, String name, CollectionOptions options, CursorRegistry cursors) {
      super(database, name, options, cursors);
    }

    /**
     * No running count of the collection's size in bytes: it encoded every document twice on every
     * write, for {@code collStats} alone, which nothing here asks for.
     */
    @Override
    protected boolean tracksDataSize() {
      return false;
    }

    /** The server's fallback when no index fits the query as a whole: a full scan, unless an index narrows it. */
    @Override
    protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
        Document fieldSelector) {
      Optional<Iterable<Integer>> candidates = isNaturalDescending(orderBy) ? Optional.empty() : candidates(query);
      if (candidates.isEmpty()) {
        return super.matchDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
      }
      // In position order, as the scan visits them; a slot emptied by a removal holds null.
      TreeSet<Integer> positions = new TreeSet<>();
      candidates.get().forEach(positions::add);
      return matchDocumentsFromStream(positions.stream().map(this::getDocument).filter(Objects::nonNull), query,
          orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    /** Positions that include every document the query can match, when an index can tell. */
    private Optional<Iterable<Integer>> candidates(Document query) {
      for (Index<Integer> index : getIndexes()) {
        String field = index.getKeys().get(0).getKey();
        Optional<Object> pinned = pinned(query, field);
        if (pinned.isEmpty()) {
          continue;
        }
        Document byField = new Document(field, pinned.get());
        boolean byId = field.equals(getIdField()) && index.getKeys().size() == 1 && index.canHandle(byField);
        if (byId || (index instanceof StringKeyIndex && pinned.get() instanceof String)) {
          return Optional.of(index.getPositions(byField));
        }
      }
      return Optional.empty();
    }

    /** The condition on {@code field} that every match must meet: a top-level one, or one of a top-level {@code $and}. */
    private static Optional<Object> pinned(Document query, String field) {
      if (query.containsKey(field)) {
        return Optional.ofNullable(query.get(field));
      }
      if (query.get("$and") instanceof List<?> clauses) {
        return clauses.stream()
            .filter(Document.class::isInstance)
            .map(clause -> pinned((Document) clause, field))
            .flatMap(Optional::stream)
            .findFirst();
      }
      return Optional.empty();
    }
  }

  /**
   * A secondary index on its first field, for equality with a string: each document is filed under
   * its string there, or with the documents to read for any string when an array lies on the path.
   * Documents with another value there (a number, a date, none) cannot equal a string and are not
   * filed. Constraints are the unique indexes' business; this one only narrows reads.
   */
  private static final class StringKeyIndex extends Index<Integer> {

    private static final Object ARRAY = new Object();

    private final String[] path;
    private final Map<Object, Integer> positionOfId = new HashMap<>();
    private final Map<Integer, Object> keyAt = new HashMap<>();
    private final Map<String, Set<Integer>> positionsOf = new HashMap<>();
    private final Set<Integer> withArrays = new HashSet<>();

    StringKeyIndex(String name, List<IndexKey> keys, boolean sparse) {
      super(name, keys, sparse);
      this.path = keys.get(0).getKey().split("\\.");
    }

    @Override
    public synchronized void add(Document document, Integer position, MongoCollection<Integer> collection) {
      positionOfId.put(document.get("_id"), position);
      file(position, keyOf(document));
    }

    @Override
    public synchronized Integer remove(Document document) {
      Integer position = positionOfId.remove(document.get("_id"));
      if (position != null) {
        unfile(position);
      }
      return position;
    }

    @Override
    public synchronized void updateInPlace(Document oldDocument, Document newDocument, Integer position,
        MongoCollection<Integer> collection) {
      unfile(position);
      file(position, keyOf(newDocument));
    }

    @Override
    public synchronized void drop() {
      positionOfId.clear();
      keyAt.clear();
      positionsOf.clear();
      withArrays.clear();
    }

    @Override
    public synchronized long getCount() {
      return positionOfId.size();
    }

    @Override
    public long getDataSize() {
      return getCount();
    }

    /** A document's position is the {@code _id} index's to give. */
    @Override
    public Integer getPosition(Document document) {
      return null;
    }

    /**
     * Never asked by the server itself: its own planner would take these positions as the exact
     * answer, and they are a superset, to be matched against the whole query ({@link IndexedCollection}).
     */
    @Override
    public boolean canHandle(Document query) {
      return false;
    }

    /**
     * Every position whose document can equal {@code query}'s value for the first field: for a
     * string, those filed under it and those with an array on the path; for anything else, all.
     */
    @Override
    public synchronized Iterable<Integer> getPositions(Document query) {
      if (!(query.get(keys().get(0)) instanceof String value)) {
        return new HashSet<>(positionOfId.values());
      }
      Set<Integer> candidates = new HashSet<>(withArrays);
      candidates.addAll(positionsOf.getOrDefault(value, Set.of()));
      return candidates;
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Integer> collection) {
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Integer> collection) {
    }

    private void file(Integer position, Object key) {
      if (key == ARRAY) {
        withArrays.add(position);
      } else if (key instanceof String value) {
        positionsOf.computeIfAbsent(value, v -> new HashSet<>()).add(position);
      } else {
        return;
      }
      keyAt.put(position, key);
    }

    private void unfile(Integer position) {
      Object key = keyAt.remove(position);
      if (key == ARRAY) {
        withArrays.remove(position);
      } else if (key instanceof String value) {
        Set<Integer> positions = positionsOf.get(value);
        positions.remove(position);
        if (positions.isEmpty()) {
          positionsOf.remove(value);
        }
      }
    }

    /** The string at the path, {@link #ARRAY} when an array lies on it, or null for anything else. */
    private Object keyOf(Document document) {
      Object value = document;
      for (String part : path) {
        if (value instanceof List<?>) {
          return ARRAY;
        }
        if (!(value instanceof Document d)) {
          return null;
        }
        value = d.get(part);
      }
      return value instanceof List<?> ? ARRAY : value instanceof String ? value : null;
    }
  }
}
