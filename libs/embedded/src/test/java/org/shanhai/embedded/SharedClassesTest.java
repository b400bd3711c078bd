package org.shanhai.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;

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
  void aRebuildThatOnlyReordersWhatAheadOfTimeProcessingGeneratedKeepsTheExtraction() throws IOException {
    String built = SharedClasses.content(jar("a.jar", "code", "ab", "cd"));

    assertThat(SharedClasses.content(jar("b.jar", "code", "ba", "dc"))).as("the same sources built again")
        .isEqualTo(built);
    assertThat(SharedClasses.content(jar("c.jar", "code", "abc", "cd"))).as("other definitions")
        .isNotEqualTo(built);
    assertThat(SharedClasses.content(jar("d.jar", "edoc", "ab", "cd"))).as("a changed class").isNotEqualTo(built);
  }

  /** A service's jar: one class of its own, and the definitions and a proxy its AOT processing generated. */
  private Path jar(String name, String service, String definitions, String proxy) throws IOException {
    Path jar = dir.resolve(name);
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream zip = new JarOutputStream(out, new Manifest())) {
      entry(zip, "BOOT-INF/classes/org/shanhai/x/XService.class", service);
      entry(zip, "BOOT-INF/classes/org/shanhai/x/XApplication__BeanFactoryRegistrations.class", definitions);
      entry(zip, "BOOT-INF/classes/org/shanhai/x/XStore$$SpringCGLIB$$0.class", proxy);
    }
    return jar;
  }

  private static void entry(JarOutputStream zip, String name, String bytes) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(bytes.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
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
