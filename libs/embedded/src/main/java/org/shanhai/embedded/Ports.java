package org.shanhai.embedded;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Loopback ports for what runs on this machine, picked below the range the system draws the local
 * ports of outgoing connections from. A port the system hands out as free (bind to port 0) comes
 * from that very range, and in the minute before what it is meant for binds it (a service, Keycloak,
 * the demo subscriber, started after the others) an outgoing connection of a Kafka client or a
 * service may take it: "Address already in use".
 */
public final class Ports {

  private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
  /** The lowest port handed out: above the well-known and most registered ones. */
  private static final int LOWEST = 10_000;
  /** Linux's default start of the outgoing range, where the system does not say. */
  private static final int DEFAULT_EPHEMERAL_START = 32_768;
  private static final int ATTEMPTS = 1_000;
  /** Handed out by this JVM: free until bound, so never handed out twice. */
  private static final Set<Integer> handedOut = ConcurrentHashMap.newKeySet();

  private Ports() {
  }

  /** A port free right now and out of the way of outgoing connections, for a broker, wire server or service. */
  public static int free() {
    int below = ephemeralStart();
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      int port = ThreadLocalRandom.current().nextInt(LOWEST, below);
      if (bindable(port) && handedOut.add(port)) {
        return port;
      }
    }
    throw new IllegalStateException("no free port between " + LOWEST + " and " + below + " after " + ATTEMPTS + " tries");
  }

  /** Where the outgoing connections' range starts; {@value #DEFAULT_EPHEMERAL_START} where it cannot be read. */
  static int ephemeralStart() {
    try {
      int start = Integer.parseInt(Files.readString(EPHEMERAL_RANGE).trim().split("\\s+")[0]);
      // A range starting that low leaves too little below it to pick from: Linux's default then.
      return start > LOWEST + 1_000 ? start : DEFAULT_EPHEMERAL_START;
    } catch (IOException | RuntimeException e) {
      return DEFAULT_EPHEMERAL_START;
    }
  }

  private static boolean bindable(int port) {
    try (ServerSocket socket = new ServerSocket(port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
