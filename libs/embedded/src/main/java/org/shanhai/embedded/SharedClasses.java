package org.shanhai.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * Class data sharing for a Spring Boot jar: the classes a start loads are archived once and mapped
 * into every later start, instead of being read, verified and parsed again (a third to a half of a
 * start on the bench; docs/benchmarks.md). The JVM archives only classes of plain jar files on the
 * class path, so the jar is first extracted as Spring Boot's own tools do it ({@code -Djarmode=tools
 * extract}), into {@code target/cds/} beside it, once for each content of the jar.
 *
 * <p>A start without an archive writes one when the service exits after {@code SIGTERM}
 * ({@code -XX:ArchiveClassesAtExit}, into a file of its own that {@link Launch#keep} renames into place, so
 * a start killed halfway or two starts at once leave no half-written archive behind); every later
 * start maps it ({@code -XX:SharedArchiveFile}). An archive the JVM cannot use (another JDK, say)
 * costs only the speed-up: the JVM starts without it. If the jar cannot be extracted, the service
 * starts from the jar as it is.
 */
final class SharedClasses {

  private static final String ARCHIVE = "classes.jsa";
  /** Errors only: writing an archive warns of every class it leaves out, thousands of lines in the service's log. */
  private static final String QUIET = "-Xlog:cds*=error";
  /**
   * Map the archive at the address it was written for. The JDK 17 here maps it at a random address
   * by default ({@code ArchiveRelocationMode=1}, for address-space randomisation, as recent JDKs do),
   * and moving it there rewrites pointers on every page of it at each start: 100 MB a service, read
   * and written before the first class loads (docs/benchmarks.md). Where the address is taken, the
   * JVM maps it elsewhere as before; a JVM without the option ignores it. Only the local stack starts
   * services with an archive: the container images do not.
   */
  private static final List<String> MAP_IN_PLACE = List.of("-XX:+UnlockDiagnosticVMOptions",
      "-XX:+IgnoreUnrecognizedVMOptions", "-XX:ArchiveRelocationMode=0");

  /** How to start: the jar to run and the JVM options that go with it. */
  record Launch(Path jar, List<String> jvmOptions, Path pendingArchive) {

    /** Puts the archive written at exit in place; once the process exited on its own terms. */
    void keep() {
      if (pendingArchive != null && Files.isRegularFile(pendingArchive)) {
        try {
          Files.move(pendingArchive, pendingArchive.resolveSibling(ARCHIVE), StandardCopyOption.ATOMIC_MOVE,
              StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
          discard();
        }
      }
    }

    /** Drops an archive a killed process may have left half written. */
    void discard() {
      if (pendingArchive != null) {
        try {
          Files.deleteIfExists(pendingArchive);
        } catch (IOException e) {
          // never read; a later start without an archive removes it (removeAbandoned)
        }
      }
    }
  }

  private SharedClasses() {
  }

  /** The launch of {@code jar}: from its extracted copy with the archive, or writing it, or the jar itself. */
  static Launch prepare(Path jar) {
    Path jarFile = jar.toAbsolutePath();
    try {
      Path extracted = extracted(jarFile);
      Path runnable = extracted.resolve(jarFile.getFileName());
      Path archive = extracted.resolve(ARCHIVE);
      if (Files.isRegularFile(archive)) {
        return new Launch(runnable, Stream.concat(MAP_IN_PLACE.stream(),
            Stream.of("-XX:SharedArchiveFile=" + archive, QUIET)).toList(), null);
      }
      removeAbandoned(extracted);
      Path pending = extracted.resolve(ARCHIVE + "." + System.nanoTime() + ".pending");
      return new Launch(runnable, List.of("-XX:ArchiveClassesAtExit=" + pending, QUIET), pending);
    } catch (IOException | RuntimeException e) {
      return new Launch(jarFile, List.of(), null);
    }
  }

  /**
   * The jar extracted into {@code target/cds/<name>-<content>}. Extracted again only when the jar's
   * content changes, not at each build of it (the same sources give the same entries, but for the
   * order inside AOT-generated classes, which {@link #content} leaves out): the JVM uses an archive
   * only with the very files it was written from.
   */
  private static Path extracted(Path jar) throws IOException {
    Path cds = jar.resolveSibling("cds");
    String prefix = jar.getFileName().toString().replace(".jar", "") + "-";
    Path dir = cds.resolve(prefix + content(jar));
    if (Files.isDirectory(dir)) {
      return dir;
    }
    Files.createDirectories(cds);
    Path scratch = Files.createTempDirectory(cds, "extracting-");
    try {
      Process extract = new ProcessBuilder(ServiceProcess.JAVA, "-Djarmode=tools", "-jar", jar.toString(),
          "extract", "--destination", scratch.resolve("app").toString())
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      if (!extract.waitFor(2, TimeUnit.MINUTES) || extract.exitValue() != 0) {
        extract.destroyForcibly();
        throw new IOException("could not extract " + jar);
      }
      removeOlderExtractions(cds, prefix, dir);
      // Two starts extracting at once: the first move wins, the other's copy is dropped.
      Files.move(scratch.resolve("app"), dir, StandardCopyOption.ATOMIC_MOVE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted extracting " + jar, e);
    } catch (IOException e) {
      if (!Files.isDirectory(dir)) {
        throw e;
      }
    } finally {
      delete(scratch);
    }
    return dir;
  }

  /**
   * What the jar holds, from its directory alone: every entry's name, size and checksum; only name
   * and size for the classes Spring's ahead-of-time processing generates ({@code Foo__BeanDefinitions},
   * {@code Foo$$SpringCGLIB$$0}). Those follow from the rest of the jar, but their bytes differ from
   * build to build of the same sources, in the order of the methods and registrations they hold;
   * by their checksums every {@code ./shanhai up}, which builds first, would extract the jar again
   * and start without an archive. A change to what the processing generates without a change to
   * anything else in the jar (its settings in the root pom) needs {@code ./mvnw clean}.
   */
  static String content(Path jar) throws IOException {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      zip.stream().forEach(entry -> digest.update((entry.getName() + '\0' + entry.getSize() + '\0'
          + (isGeneratedAheadOfTime(entry.getName()) ? "" : entry.getCrc()) + '\n').getBytes(StandardCharsets.UTF_8)));
      return HexFormat.of().formatHex(digest.digest(), 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }

  private static boolean isGeneratedAheadOfTime(String entry) {
    String name = entry.substring(entry.lastIndexOf('/') + 1);
    return name.endsWith(".class") && (name.contains("__") || name.contains("$$SpringCGLIB$$"));
  }

  /**
   * Archives of starts whose end was never settled (the JVM that ran them halted first) are never
   * read; a minute old, they are no longer being written either.
   */
  private static void removeAbandoned(Path extracted) throws IOException {
    long minuteAgo = System.currentTimeMillis() - 60_000;
    try (Stream<Path> entries = Files.list(extracted)) {
      entries.filter(p -> p.getFileName().toString().endsWith(".pending"))
          .filter(p -> p.toFile().lastModified() < minuteAgo).forEach(SharedClasses::delete);
    }
  }

  /** Extractions of the jar's earlier contents: not used again once it is rebuilt from other sources. */
  private static void removeOlderExtractions(Path cds, String prefix, Path current) throws IOException {
    List<Path> older = new ArrayList<>();
    try (Stream<Path> entries = Files.list(cds)) {
      entries.filter(p -> p.getFileName().toString().startsWith(prefix) && !p.equals(current)).forEach(older::add);
    }
    older.forEach(SharedClasses::delete);
  }

  private static void delete(Path tree) {
    if (!Files.exists(tree)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(tree)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException | UncheckedIOException e) {
      // what is left is never read: a new build of the jar gets a directory of its own
    }
  }
}
