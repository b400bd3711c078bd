package org.shanhai.embedded;

import java.net.InetSocketAddress;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * A MongoDB wire-protocol server (mongo-java-server) listening on TCP, so the services reach it with
 * the official reactive driver exactly as they reach a real MongoDB. File-backed (H2) for the local
 * stack, where data must survive a restart; in memory for tests.
 */
public final class MongoWireServer implements AutoCloseable {

  private final MongoServer server;
  private final String host;
  private final int port;

  private MongoWireServer(MongoBackend backend, String host, int port) {
    this.server = new MongoServer(backend);
    this.host = host;
    this.port = port;
  }

  public static MongoWireServer fileBacked(Path file, int port) {
    return new MongoWireServer(new H2Backend(file.toAbsolutePath().toString()), "localhost", port);
  }

  public static MongoWireServer inMemory(int port) {
    return new MongoWireServer(new MemoryBackend(), "localhost", port);
  }

  public MongoWireServer start() {
    server.bind(new InetSocketAddress(host, port));
    return this;
  }

  public String connectionString() {
    return "mongodb://" + host + ":" + port;
  }

  @Override
  public void close() {
    server.shutdown();
  }
}
