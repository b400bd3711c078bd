package org.shanhai.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The chaos run's quick mode, as {@code ./shanhai chaos --changes 1000 --minutes 2} runs it: a
 * thousand changes from three officers while services are killed, the broker and the database go
 * down and their connections are slowed, cut and reset, and the subscriber fails; then every check
 * must pass. It runs in a JVM of its own (the failsafe execution {@code chaos}), after the other
 * whole-stack tests, so that no other stack competes for the cores. The seed is fixed so that CI
 * plays the same faults each time; {@code -Dchaos.seed=N} plays another schedule.
 */
class ChaosIT {

  @Test
  void aThousandChangesUnderFaultsLoseNothingAndDoubleNothing() throws Exception {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(new Tee(System.out, printed), true, StandardCharsets.UTF_8);

    int exit = ChaosRun.run(new String[] {"--changes", "1000", "--minutes", "2", "--seed",
        System.getProperty("chaos.seed", "20261201")}, RunningStack.REPOSITORY, out);

    String report = printed.toString(StandardCharsets.UTF_8);
    assertThat(report).as("the run's report").contains("settled:").containsPattern("\\n1[0-9] passed, 0 failed");
    Matcher faults = Pattern.compile("faults played: (\\d+)").matcher(report);
    assertThat(faults.find()).as("faults played reported").isTrue();
    assertThat(Integer.parseInt(faults.group(1))).as("faults played").isGreaterThanOrEqualTo(5);
    assertThat(exit).as("exit code").isZero();
  }

  /** Prints to the console as it goes (a long test should show where it is) and keeps a copy to check. */
  private static final class Tee extends OutputStream {
    private final OutputStream first;
    private final OutputStream second;

    Tee(OutputStream first, OutputStream second) {
      this.first = first;
      this.second = second;
    }

    @Override
    public void write(int b) throws java.io.IOException {
      first.write(b);
      second.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws java.io.IOException {
      first.write(b, off, len);
      second.write(b, off, len);
    }
  }
}
