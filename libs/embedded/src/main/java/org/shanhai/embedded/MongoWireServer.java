package org.shanhai.embedded;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.function.Supplier;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * A MongoDB wire-protocol server (mongo-java-server) listening on TCP, so the services reach it with
 * the official reactive driver exactly as they reach a real MongoDB. File-backed (H2) for the local
 * stack, where data must survive a restart; in memory for tests and the bench, with the index use of
 * {@link IndexedMemoryBackend} (the file-backed one scans a collection for any query no unique index
 * answers whole, which the demo's few hundred documents do not feel).
 */
public final class MongoWireServer implements AutoCloseable {

  private final Supplier<MongoBackend> backend;
  private final boolean durable;
  private final String host;
  private final int port;
  private MongoServer server;

  private MongoWireServer(Supplier<MongoBackend> backend, boolean durable, String host, int port) {
    this.backend = backend;
    this.durable = durable;
    this.host = host;
    this.port = port;
  }

  public static MongoWireServer fileBacked(Path file, int port) {
    return new MongoWireServer(() -> new H2Backend(file.toAbsolutePath().toString()), true, "localhost", port);
  }

  public static MongoWireServer inMemory(int port) {
    return new MongoWireServer(IndexedMemoryBackend::new, false, "localhost", port);
  }

  public synchronized MongoWireServer start() {
    if (server == null) {
      server = new MongoServer(backend.get());
      server.bind(new InetSocketAddress(host, port));
    }
    return this;
  }

  /**
   * Stops the server as a crash of the database's process would: every connection dropped at once,
   * the file closed. {@link #start} opens the same file again on the same port; only a file-backed
   * server can be stopped, an in-memory one would forget everything.
   */
  public synchronized void stop() {
    if (!durable) {
      throw new IllegalStateException("an in-memory wire server cannot be restarted: it would lose its data");
    }
    if (server != null) {
      server.shutdownNow();
      server = null;
    }
  }

  public String connectionString() {
    return "mongodb://" + host + ":" + port;
  }

  public int port() {
    return port;
  }

  @Override
  public synchronized void close() {
    if (server != null) {
      server.shutdown();
      server = null;
    }
  }
}
