package org.shanhai.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A command-line tool the configuration tests run (promtool, amtool, kubectl, node, npm). Where it
 * is not installed the test is skipped, saying how to get it; .ci/run installs or requires each, so
 * CI always runs them.
 */
record ExternalTool(String name, String howToGet) {

  /** Runs the tool in {@code dir} and returns its standard output; fails the test, with both outputs, when it exits non-zero. */
  String run(Path dir, String... args) throws IOException, InterruptedException {
    Optional<Path> binary = Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
        .map(d -> Path.of(d, name)).filter(Files::isExecutable).findFirst();
    assumeTrue(binary.isPresent(), name + " is not installed here (" + howToGet + "); .ci/run provides it, so CI runs this");
    List<String> command = new ArrayList<>(List.of(binary.get().toString()));
    command.addAll(List.of(args));
    // Standard error goes to a file: read alongside standard output, a full pipe would block the tool.
    Path errors = Files.createTempFile(name, ".stderr");
    try {
      Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectError(errors.toFile()).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int exit = process.waitFor();
      assertThat(exit).as("%s %s:%n%s%n%s", name, String.join(" ", args), output, Files.readString(errors)).isZero();
      return output;
    } finally {
      Files.deleteIfExists(errors);
    }
  }
}
