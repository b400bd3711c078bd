package org.shanhai.embedded;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

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
 * the documents filed under that string (only those within its numeric bounds on the index's second
 * field, if it has one), plus every document where an array lies on the field's path (an array
 * matches a string it contains); and an {@code $or} whose every clause an index narrows reads the
 * documents of all its clauses. Either way the documents read are still matched against
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
        if (field.equals(getIdField()) && index.getKeys().size() == 1 && index.canHandle(byField)) {
          return Optional.of(index.getPositions(byField));
        }
        if (index instanceof StringKeyIndex strings && pinned.get() instanceof String value) {
          return Optional.of(strings.positions(value, strings.rankedBy()
              .map(rankField -> Bounds.of(conditions(query, rankField).toList())).orElse(Bounds.ALL)));
        }
      }
      return eitherOf(query);
    }

    /**
     * For an {@code $or} that every match must meet (at the top, or in a top-level {@code $and}) whose
     * every clause an index narrows: all their candidates together, as MongoDB's planner reads each
     * clause by its own index. One clause no index narrows means a scan.
     */
    private Optional<Iterable<Integer>> eitherOf(Document query) {
      if (query.get("$or") instanceof List<?> clauses) {
        Set<Integer> positions = new HashSet<>();
        for (Object clause : clauses) {
          Optional<Iterable<Integer>> narrowed = clause instanceof Document d ? candidates(d) : Optional.empty();
          if (narrowed.isEmpty()) {
            return Optional.empty();
          }
          narrowed.get().forEach(positions::add);
        }
        return Optional.of(positions);
      }
      if (query.get("$and") instanceof List<?> clauses) {
        return clauses.stream()
            .filter(Document.class::isInstance)
            .map(clause -> eitherOf((Document) clause))
            .flatMap(Optional::stream)
            .findFirst();
      }
      return Optional.empty();
    }

    /** The condition on {@code field} that every match must meet: a top-level one, or one of a top-level {@code $and}. */
    private static Optional<Object> pinned(Document query, String field) {
      return conditions(query, field).findFirst();
    }

    /** Every condition on {@code field} that every match must meet: top-level ones and those of top-level {@code $and}s. */
    private static Stream<Object> conditions(Document query, String field) {
      Stream<Object> here = query.containsKey(field) ? Stream.ofNullable(query.get(field)) : Stream.empty();
      if (query.get("$and") instanceof List<?> clauses) {
        return Stream.concat(here, clauses.stream()
            .filter(Document.class::isInstance)
            .flatMap(clause -> conditions((Document) clause, field)));
      }
      return here;
    }
  }

  /**
   * The numbers a field may hold and still meet every one of its conditions that states a numeric
   * bound ({@code $gt}, {@code $gte}, {@code $lt}, {@code $lte}, {@code $eq} or an equal number); other
   * conditions do not narrow it.
   */
  record Bounds(double low, boolean lowIncluded, double high, boolean highIncluded) {

    static final Bounds ALL = new Bounds(Double.NEGATIVE_INFINITY, true, Double.POSITIVE_INFINITY, true);

    static Bounds of(List<Object> conditions) {
      Bounds bounds = ALL;
      for (Object condition : conditions) {
        Double equal = rank(condition);
        if (equal != null) {
          bounds = bounds.from(equal, true).to(equal, true);
        } else if (condition instanceof Document operators) {
          for (Map.Entry<String, Object> operator : operators.entrySet()) {
            Double bound = rank(operator.getValue());
            if (bound != null) {
              bounds = switch (operator.getKey()) {
                case "$gt" -> bounds.from(bound, false);
                case "$gte" -> bounds.from(bound, true);
                case "$lt" -> bounds.to(bound, false);
                case "$lte" -> bounds.to(bound, true);
                case "$eq" -> bounds.from(bound, true).to(bound, true);
                default -> bounds;
              };
            }
          }
        }
      }
      return bounds;
    }

    /**
     * A number as a key that orders as MongoDB compares numbers: integers exactly as doubles (up to
     * 2^53) and doubles but NaN; null for anything else, which no bound narrows.
     */
    static Double rank(Object value) {
      double rank;
      if (value instanceof Integer || value instanceof Long) {
        long number = ((Number) value).longValue();
        if (Math.abs(number) > 1L << 53) {
          return null;
        }
        rank = number;
      } else if (value instanceof Double number && !number.isNaN()) {
        rank = number;
      } else {
        return null;
      }
      return rank + 0.0; // -0.0 files as 0.0: they are equal to MongoDB, not to a TreeMap
    }

    boolean isEmpty() {
      return low > high || (low == high && !(lowIncluded && highIncluded));
    }

    private Bounds from(double bound, boolean included) {
      return bound > low || (bound == low && !included) ? new Bounds(bound, included, high, highIncluded) : this;
    }

    private Bounds to(double bound, boolean included) {
      return bound < high || (bound == high && !included) ? new Bounds(low, lowIncluded, bound, included) : this;
    }
  }

  /**
   * A secondary index on its first field, for equality with a string, and on its second field (when it
   * has one) for numeric bounds: each document is filed under its string there and, within it, by the
   * number in its second field, or with the documents to read for any string when an array lies on
   * the first field's path, or for any bound when the second field holds no number (an array, a date,
   * none). Documents with another value in the first field (a number, a date, none) cannot equal a
   * string and are not filed. Constraints are the unique indexes' business; this one only narrows reads.
   */
  private static final class StringKeyIndex extends Index<Integer> {

    private static final Object ARRAY = new Object();

    private final String[] path;
    private final String[] rankPath;
    private final Map<Object, Integer> positionOfId = new HashMap<>();
    private final Map<Integer, Object> keyAt = new HashMap<>();
    private final Map<Integer, Double> rankAt = new HashMap<>();
    private final Map<String, Filed> positionsOf = new HashMap<>();
    private final Set<Integer> withArrays = new HashSet<>();

    /** The positions filed under one string: by their rank, and those no bound can narrow. */
    private static final class Filed {
      final NavigableMap<Double, Set<Integer>> ranked = new TreeMap<>();
      final Set<Integer> unranked = new HashSet<>();
    }

    StringKeyIndex(String name, List<IndexKey> keys, boolean sparse) {
      super(name, keys, sparse);
      this.path = keys.get(0).getKey().split("\\.");
      this.rankPath = keys.size() > 1 ? keys.get(1).getKey().split("\\.") : null;
    }

    /** The field whose numeric bounds narrow the positions of a string, if the index has a second field. */
    Optional<String> rankedBy() {
      return rankPath == null ? Optional.empty() : Optional.of(getKeys().get(1).getKey());
    }

    @Override
    public synchronized void add(Document document, Integer position, MongoCollection<Integer> collection) {
      positionOfId.put(document.get("_id"), position);
      file(position, document);
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
      file(position, newDocument);
    }

    @Override
    public synchronized void drop() {
      positionOfId.clear();
      keyAt.clear();
      rankAt.clear();
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

    /** Every position whose document can equal {@code query}'s value for the first field (all, unless a string). */
    @Override
    public synchronized Iterable<Integer> getPositions(Document query) {
      if (!(query.get(keys().get(0)) instanceof String value)) {
        return new HashSet<>(positionOfId.values());
      }
      return positions(value, Bounds.ALL);
    }

    /**
     * Every position whose document can hold {@code value} in the first field and a number within
     * {@code bounds} in the second: those filed under the string within the bounds, those under it
     * with no number to bound, and those with an array on the first field's path.
     */
    synchronized Set<Integer> positions(String value, Bounds bounds) {
      Set<Integer> candidates = new HashSet<>(withArrays);
      Filed filed = positionsOf.get(value);
      if (filed != null) {
        candidates.addAll(filed.unranked);
        if (!bounds.isEmpty()) {
          filed.ranked.subMap(bounds.low(), bounds.lowIncluded(), bounds.high(), bounds.highIncluded()).values()
              .forEach(candidates::addAll);
        }
      }
      return candidates;
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Integer> collection) {
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Integer> collection) {
    }

    private void file(Integer position, Document document) {
      Object key = valueAt(document, path);
      if (key == ARRAY) {
        withArrays.add(position);
      } else if (key instanceof String value) {
        Filed filed = positionsOf.computeIfAbsent(value, v -> new Filed());
        Double rank = rankPath == null ? null : Bounds.rank(valueAt(document, rankPath));
        if (rank == null) {
          filed.unranked.add(position);
        } else {
          filed.ranked.computeIfAbsent(rank, r -> new HashSet<>()).add(position);
          rankAt.put(position, rank);
        }
      } else {
        return;
      }
      keyAt.put(position, key);
    }

    private void unfile(Integer position) {
      Object key = keyAt.remove(position);
      Double rank = rankAt.remove(position);
      if (key == ARRAY) {
        withArrays.remove(position);
      } else if (key instanceof String value) {
        Filed filed = positionsOf.get(value);
        if (rank == null) {
          filed.unranked.remove(position);
        } else {
          Set<Integer> positions = filed.ranked.get(rank);
          positions.remove(position);
          if (positions.isEmpty()) {
            filed.ranked.remove(rank);
          }
        }
        if (filed.unranked.isEmpty() && filed.ranked.isEmpty()) {
          positionsOf.remove(value);
        }
      }
    }

    /** The value at the path, {@link #ARRAY} when an array lies on it, or null when there is none. */
    private static Object valueAt(Document document, String[] path) {
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
      return value instanceof List<?> ? ARRAY : value;
    }
  }
}
