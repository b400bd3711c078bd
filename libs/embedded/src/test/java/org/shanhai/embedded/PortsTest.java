package org.shanhai.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class PortsTest {

  @Test
  void portsAreFreeDistinctAndBelowTheRangeOfOutgoingConnections() throws IOException {
    Set<Integer> ports = new HashSet<>();
    for (int i = 0; i < 50; i++) {
      int port = Ports.free();
      assertThat(port).isBetween(10_000, Ports.ephemeralStart() - 1);
      assertThat(ports.add(port)).as("handed out once: %d", port).isTrue();
    }
    try (ServerSocket socket = new ServerSocket(ports.iterator().next())) {
      assertThat(socket.isBound()).isTrue();
    }
  }
}
