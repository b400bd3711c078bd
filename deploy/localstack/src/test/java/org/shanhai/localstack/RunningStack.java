package org.shanhai.localstack;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The whole system as {@code ./shanhai up} brings it up (services from their jars, the demo data
 * and the demo subscriber), on free ports and an in-memory database, started once per test JVM and
 * shared by the tests of the whole stack: starting it takes most of a minute on two cores.
 */
final class RunningStack {

  /** The checkout, seen from this module's directory, where Maven runs its tests. */
  static final Path REPOSITORY = Path.of("..", "..");

  private static LocalStack.Running running;

  private RunningStack() {
  }

  static synchronized LocalStack.Running get() throws Exception {
    if (running == null) {
      Path home = Files.createTempDirectory("shanhai-stack-test");
      // Figures refreshed every two seconds instead of thirty, and the payouts' and rules' clocks every five seconds
      // instead of a minute (so the demo data's overdue payouts are found, and fire, at once): the tests need not wait.
      Map<String, String> settings = Map.of("shanhai.projects.metrics-interval", "PT2S",
          "shanhai.payouts.metrics-interval", "PT2S", "shanhai.alerts.metrics-interval", "PT2S",
          "shanhai.payouts.clock-interval", "PT5S", "shanhai.alerts.clock-interval", "PT5S");
      running = LocalStack.up(REPOSITORY, home, LocalStack.Ports.free(), false, settings,
          new PrintStream(OutputStream.nullOutputStream()));
      Runtime.getRuntime().addShutdownHook(new Thread(running::close, "shanhai-stack-test-stop"));
    }
    return running;
  }
}
