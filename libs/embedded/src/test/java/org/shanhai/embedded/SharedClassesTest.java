package org.shanhai.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The archive's life around a process; that a service starts faster with it is measured by {@code ./shanhai bench}. */
class SharedClassesTest {

  @TempDir
  Path dir;

  @Test
  void aJarSpringBootCannotExtractStartsAsItIs() throws IOException {
    Path jar = dir.resolve("plain.jar");
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream plain = new JarOutputStream(out, new Manifest())) {
      plain.flush();
    }

    SharedClasses.Launch launch = SharedClasses.prepare(jar);

    assertThat(launch.jar()).isEqualTo(jar.toAbsolutePath());
    assertThat(launch.jvmOptions()).isEmpty();
  }

  @Test
  void theArchiveWrittenAtAGracefulExitIsKeptAndOneLeftByAKillIsDropped() throws IOException {
    Path written = Files.writeString(dir.resolve("classes.jsa.1.pending"), "archive");
    new SharedClasses.Launch(dir.resolve("app.jar"), List.of(), written).keep();
    assertThat(dir.resolve("classes.jsa")).hasContent("archive");
    assertThat(written).doesNotExist();

    Path halfWritten = Files.writeString(dir.resolve("classes.jsa.2.pending"), "arch");
    new SharedClasses.Launch(dir.resolve("app.jar"), List.of(), halfWritten).discard();
    assertThat(halfWritten).doesNotExist();
    assertThat(dir.resolve("classes.jsa")).hasContent("archive");
  }
}
