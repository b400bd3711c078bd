package org.shanhai.localstack;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BooleanSupplier;

/**
 * The chaos run's fault schedule: one fault at a time with a pause between, each kind drawn in turn
 * from a shuffled bag of all of them (so every kind comes round as often as the others), lengths
 * and pauses drawn from the seed: the same seed plays the same faults in the same order. Each fault
 * is undone before the next begins; a killed service is started again and waited for.
 */
final class ChaosFaults {

  enum Kind {
    KILL_PROJECTS, KILL_PAYOUTS, KILL_ALERTS, BROKER_RESTART, DATABASE_RESTART, BROKER_DELAY, BROKER_CUT,
    BROKER_RESET, DATABASE_DELAY, DATABASE_CUT, DATABASE_RESET, SUBSCRIBER_500, SUBSCRIBER_TIMEOUT,
    SUBSCRIBER_HANG
  }

  /** One fault: what, for how long, after how long a pause, and (for a delay) how slow. */
  record Fault(Kind kind, Duration length, Duration pause, Duration delay) {

    String describe() {
      String seconds = length.toMillis() / 1000.0 + " s";
      return switch (kind) {
        case KILL_PROJECTS, KILL_PAYOUTS, KILL_ALERTS -> "SIGKILL " + kind.name().substring(5).toLowerCase()
            + ", started again after " + seconds;
        case BROKER_RESTART -> "broker stopped for " + seconds;
        case DATABASE_RESTART -> "database crashed for " + seconds;
        case BROKER_DELAY, DATABASE_DELAY -> (kind == Kind.BROKER_DELAY ? "broker" : "database")
            + " connections delayed " + delay.toMillis() + " ms for " + seconds;
        case BROKER_CUT, DATABASE_CUT -> (kind == Kind.BROKER_CUT ? "broker" : "database")
            + " connections cut for " + seconds;
        case BROKER_RESET, DATABASE_RESET -> (kind == Kind.BROKER_RESET ? "broker" : "database")
            + " connections reset";
        case SUBSCRIBER_500 -> "subscriber answers 500 for " + seconds;
        case SUBSCRIBER_TIMEOUT -> "subscriber answers too late for " + seconds;
        case SUBSCRIBER_HANG -> "subscriber hangs for " + seconds;
      };
    }
  }

  private final Random random;
  private final List<Kind> bag = new ArrayList<>();
  private final Map<Kind, Integer> played = new EnumMap<>(Kind.class);

  ChaosFaults(long seed) {
    this.random = new Random(seed);
  }

  /** The next fault of the schedule. */
  Fault next() {
    if (bag.isEmpty()) {
      bag.addAll(Arrays.asList(Kind.values()));
      Collections.shuffle(bag, random);
    }
    Kind kind = bag.remove(bag.size() - 1);
    Duration length = switch (kind) {
      case KILL_PROJECTS, KILL_PAYOUTS, KILL_ALERTS, BROKER_RESTART, DATABASE_RESTART -> millis(1000, 5000);
      case BROKER_RESET, DATABASE_RESET -> Duration.ZERO;
      default -> millis(2000, 8000);
    };
    Duration delay = kind == Kind.BROKER_DELAY || kind == Kind.DATABASE_DELAY ? millis(50, 400) : Duration.ZERO;
    return new Fault(kind, length, millis(2000, 6000), delay);
  }

  /** How many of each kind were played. */
  Map<Kind, Integer> played() {
    return Map.copyOf(played);
  }

  /** Plays faults one after the other until {@code done} (checked between faults), printing each as it begins. */
  void play(ChaosStack stack, ChaosSubscriber subscriber, BooleanSupplier done, PrintStream out) {
    long start = System.nanoTime();
    while (!done.getAsBoolean()) {
      Fault fault = next();
      ChaosStack.sleep(fault.pause());
      if (done.getAsBoolean()) {
        return;
      }
      out.printf("  %6.1f s  %s%n", (System.nanoTime() - start) / 1e9, fault.describe());
      inject(stack, subscriber, fault);
      played.merge(fault.kind(), 1, Integer::sum);
    }
  }

  private static void inject(ChaosStack stack, ChaosSubscriber subscriber, Fault fault) {
    switch (fault.kind()) {
      case KILL_PROJECTS, KILL_PAYOUTS, KILL_ALERTS -> {
        String service = fault.kind().name().substring(5).toLowerCase();
        stack.kill(service);
        ChaosStack.sleep(fault.length());
        stack.startService(service);
        stack.awaitReady(service);
      }
      case BROKER_RESTART -> stack.restartBroker(fault.length());
      case DATABASE_RESTART -> stack.restartDatabase(fault.length());
      case BROKER_DELAY, DATABASE_DELAY -> {
        ChaosProxy proxy = fault.kind() == Kind.BROKER_DELAY ? stack.kafkaProxy() : stack.mongoProxy();
        proxy.delay(fault.delay());
        ChaosStack.sleep(fault.length());
        proxy.restore();
      }
      case BROKER_CUT, DATABASE_CUT -> {
        ChaosProxy proxy = fault.kind() == Kind.BROKER_CUT ? stack.kafkaProxy() : stack.mongoProxy();
        proxy.cut();
        ChaosStack.sleep(fault.length());
        proxy.restore();
      }
      case BROKER_RESET -> stack.kafkaProxy().reset();
      case DATABASE_RESET -> stack.mongoProxy().reset();
      case SUBSCRIBER_500, SUBSCRIBER_TIMEOUT, SUBSCRIBER_HANG -> {
        subscriber.mode(switch (fault.kind()) {
          case SUBSCRIBER_500 -> ChaosSubscriber.Mode.FAIL;
          case SUBSCRIBER_TIMEOUT -> ChaosSubscriber.Mode.TIMEOUT;
          default -> ChaosSubscriber.Mode.HANG;
        });
        ChaosStack.sleep(fault.length());
        subscriber.mode(ChaosSubscriber.Mode.ANSWER);
      }
    }
  }

  private Duration millis(int from, int to) {
    return Duration.ofMillis(from + random.nextInt(to - from));
  }
}
