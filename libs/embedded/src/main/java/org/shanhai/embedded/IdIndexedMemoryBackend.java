package org.shanhai.embedded;

import java.util.List;
import java.util.Optional;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;

/**
 * mongo-java-server's in-memory backend, with one thing MongoDB's query planner does and it does
 * not: a query that pins {@code _id} (alone, or in an {@code $and} with other conditions) reads the
 * documents the {@code _id} index names instead of scanning the whole collection. The server uses an
 * index only when the query has exactly the index's fields, so every guarded write ({@code _id} and
 * {@code sequence}, {@code _id} and a lease owner) scanned every document of its collection: the
 * largest share of the stack's own CPU in the bench, and a cost that grew with the collection. The
 * documents found are still matched against the whole query, so the results are those of a scan.
 */
final class IdIndexedMemoryBackend extends MemoryBackend {

  @Override
  public MemoryDatabase openOrCreateDatabase(String databaseName) {
    return new MemoryDatabase(databaseName, getCursorRegistry()) {
      @Override
      protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
        return new IdIndexedCollection(this, collectionName, options, cursorRegistry);
      }
    };
  }

  private static final class IdIndexedCollection extends MemoryCollection {

    IdIndexedCollection(MongoDatabase database, String name, CollectionOptions options, CursorRegistry cursors) {
      super(database, name, options, cursors);
    }

    /** The server's fallback when no index fits the query as a whole: a full scan, unless {@code _id} is pinned. */
    @Override
    protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
        Document fieldSelector) {
      if (isNaturalDescending(orderBy)) {
        return super.matchDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
      }
      Optional<Document> byId = idCondition(query).map(condition -> new Document(getIdField(), condition));
      Optional<Index<Integer>> index = byId.flatMap(this::idIndexFor);
      if (index.isEmpty()) {
        return super.matchDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
      }
      return matchDocuments(query, index.get().getPositions(byId.get()), orderBy, numberToSkip, limit, batchSize,
          fieldSelector);
    }

    private Optional<Index<Integer>> idIndexFor(Document byId) {
      return getIndexes().stream()
          .filter(index -> index.getKeys().size() == 1 && index.getKeys().get(0).getKey().equals(getIdField()))
          .filter(index -> index.canHandle(byId))
          .findFirst();
    }

    /** The condition on {@code _id} that every match must meet: a top-level one, or one of a top-level {@code $and}. */
    private Optional<Object> idCondition(Document query) {
      if (query.containsKey(getIdField())) {
        return Optional.of(query.get(getIdField()));
      }
      if (query.get("$and") instanceof List<?> clauses) {
        return clauses.stream()
            .filter(Document.class::isInstance)
            .map(clause -> idCondition((Document) clause))
            .flatMap(Optional::stream)
            .findFirst();
      }
      return Optional.empty();
    }
  }
}
