package org.shanhai.localstack;

import java.time.Duration;

import org.netcrusher.core.reactor.NioReactor;
import org.netcrusher.tcp.TcpCrusher;
import org.netcrusher.tcp.TcpCrusherBuilder;

/**
 * A TCP proxy on loopback (netcrusher) in front of the chaos run's broker or database, through
 * which every service connects, so that the fault schedule can slow every connection down, cut
 * them all for a while (nothing gets through, new connections are refused) or reset them at once.
 */
final class ChaosProxy implements AutoCloseable {

  private final String name;
  private final TcpCrusher crusher;
  /** Added to every chunk each way while a delay fault lasts; read on netcrusher's reactor thread. */
  private volatile long delayNanos;

  ChaosProxy(String name, NioReactor reactor, int port, int target) {
    this.name = name;
    this.crusher = TcpCrusherBuilder.builder()
        .withReactor(reactor)
        .withBindAddress("localhost", port)
        .withConnectAddress("localhost", target)
        .withIncomingThrottlerFactory(address -> buffer -> delayNanos)
        .withOutgoingThrottlerFactory(address -> buffer -> delayNanos)
        .buildAndOpen();
  }

  String name() {
    return name;
  }

  int port() {
    return crusher.getBindAddress().getPort();
  }

  /** Every byte each way takes {@code delay} longer from now on. */
  void delay(Duration delay) {
    delayNanos = delay.toNanos();
  }

  /** Drops every connection and refuses new ones until {@link #restore}. */
  void cut() {
    if (crusher.isOpen()) {
      crusher.close();
    }
  }

  /** Drops every connection at once; new ones are accepted. */
  void reset() {
    crusher.closeAllPairs();
  }

  /** Open, without delay. */
  void restore() {
    delayNanos = 0;
    if (!crusher.isOpen()) {
      crusher.open();
    }
  }

  @Override
  public void close() {
    if (crusher.isOpen()) {
      crusher.close();
    }
  }
}
