package org.shanhai.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Keycloak, the identity provider of the local stack, run from its distribution (unpacked by the
 * build into {@code deploy/localstack/target/keycloak}) in development mode on an in-memory
 * database: at every start it imports the realm {@code shanhai} and the demo users from
 * {@code deploy/keycloak}, so it always matches the repository. Its home, with its logs and
 * temporary files, is made under the stack's home (the distribution's files are linked, not
 * copied), so {@code SHANHAI_HOME} moves it too. Keycloak needs a JDK 21 or newer: {@link #java21()}
 * finds one.
 */
final class Keycloak implements AutoCloseable {

  static final String REALM = "shanhai";
  /** The administrator of this throw-away Keycloak (master realm), made at every start: the local stack's only. */
  static final String ADMIN = "admin";
  static final String ADMIN_PASSWORD = "admin-demo";
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final int port;
  private final Process process;

  private Keycloak(int port, Process process) {
    this.port = port;
    this.process = process;
  }

  /**
   * Starts Keycloak on {@code port} with the realm and user files in {@code imports}, the console's
   * client sending officers back to {@code consoleUrl} (null: the realm's default, port 8080); its
   * output is appended to {@code log}. Returns
   * at once: {@link #awaitReady} waits for the realm.
   */
  static Keycloak start(Path distribution, Path home, int port, List<Path> imports, String consoleUrl, Path log)
      throws IOException {
    Path bin = distribution.resolve("bin").resolve("kc.sh");
    if (!Files.isExecutable(bin)) {
      throw new IOException("Keycloak is not in " + distribution + ": build first (./mvnw package -DskipTests)");
    }
    Path java = java21().orElseThrow(() -> new IOException("Keycloak needs a JDK 21 or newer, and none was found "
        + "(looked at KEYCLOAK_JAVA_HOME, JAVA_HOME, this JVM and /usr/lib/jvm). Install one, e.g. Temurin 25 "
        + "(https://adoptium.net), or point KEYCLOAK_JAVA_HOME at it."));
    Path keycloakHome = linkedHome(distribution, home.resolve("keycloak"));
    Path importDirectory = Files.createDirectories(keycloakHome.resolve("data").resolve("import"));
    try (Stream<Path> old = Files.list(importDirectory)) {
      for (Path file : old.toList()) {
        Files.delete(file);
      }
    }
    for (Path file : imports) {
      Files.copy(file, importDirectory.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    }
    Files.createDirectories(log.toAbsolutePath().getParent());
    ProcessBuilder builder = new ProcessBuilder(keycloakHome.resolve("bin").resolve("kc.sh").toString(), "start-dev",
        "--http-port=" + port, "--hostname=http://localhost:" + port, "--db=dev-mem", "--import-realm",
        "--cache=local")
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    Map<String, String> environment = builder.environment();
    environment.put("JAVA_HOME", java.toString());
    environment.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
    environment.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
    environment.put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
    if (consoleUrl != null) {
      // The realm file's placeholder for where the console answers (its redirect and sign-out addresses).
      environment.put("SHANHAI_CONSOLE_URL", consoleUrl);
    }
    Process process = builder.start();
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "keycloak-stop"));
    return new Keycloak(port, process);
  }

  /** Keycloak's process (its launcher script ends by exec-ing the JVM). */
  long pid() {
    return process.pid();
  }

  String base() {
    return "http://localhost:" + port;
  }

  /** The issuer of the realm's tokens, which the services check. */
  String issuer() {
    return base() + "/realms/" + REALM;
  }

  String jwkSetUri() {
    return issuer() + "/protocol/openid-connect/certs";
  }

  String tokenEndpoint() {
    return issuer() + "/protocol/openid-connect/token";
  }

  /** What the services need to check this provider's tokens. */
  Map<String, String> resourceServerSettings() {
    return issuerSettings(issuer(), jwkSetUri());
  }

  /** What the console needs to sign officers in here (it reads the rest from the discovery document). */
  Map<String, String> consoleSettings() {
    return Map.of("spring.security.oauth2.client.provider.shanhai.issuer-uri", issuer());
  }

  static Map<String, String> issuerSettings(String issuer, String jwkSetUri) {
    return Map.of("spring.security.oauth2.resourceserver.jwt.issuer-uri", issuer,
        "spring.security.oauth2.resourceserver.jwt.jwk-set-uri", jwkSetUri);
  }

  /** Waits until the realm answers its discovery document; fails early if Keycloak exits. */
  void awaitReady(Duration timeout) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    URI discovery = URI.create(issuer() + "/.well-known/openid-configuration");
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException("Keycloak stopped during start-up (exit " + process.exitValue() + "); see its log");
      }
      try {
        if (HTTP.send(HttpRequest.newBuilder(discovery).timeout(Duration.ofSeconds(2)).build(),
            HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // Not listening yet.
      }
      Thread.sleep(500);
    }
    throw new IOException("Keycloak did not serve the realm " + REALM + " within " + timeout + "; see its log");
  }

  @Override
  public void close() throws InterruptedException {
    // kc.sh passes the TERM on to its JVM; what does not stop in time is killed, children first.
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
  }

  /**
   * A JDK 21 or newer: {@code KEYCLOAK_JAVA_HOME}, else {@code JAVA_HOME} or the JVM running this if
   * recent enough, else the newest under {@code /usr/lib/jvm}.
   */
  static Optional<Path> java21() {
    List<Path> candidates = new ArrayList<>();
    Optional.ofNullable(System.getenv("KEYCLOAK_JAVA_HOME")).map(Path::of).ifPresent(candidates::add);
    Optional.ofNullable(System.getenv("JAVA_HOME")).map(Path::of).ifPresent(candidates::add);
    candidates.add(Path.of(System.getProperty("java.home")));
    Path jvms = Path.of("/usr/lib/jvm");
    if (Files.isDirectory(jvms)) {
      try (Stream<Path> installed = Files.list(jvms)) {
        installed.sorted(Comparator.comparingInt(Keycloak::featureVersion).reversed()).forEach(candidates::add);
      } catch (IOException e) {
        // Nothing to choose from there.
      }
    }
    return candidates.stream().filter(home -> featureVersion(home) >= 21)
        .filter(home -> Files.isExecutable(home.resolve("bin").resolve("java"))).findFirst();
  }

  /** The Java feature version of the JDK at {@code home} by its release file, 0 when it has none. */
  private static int featureVersion(Path home) {
    try {
      for (String line : Files.readAllLines(home.resolve("release"))) {
        if (line.startsWith("JAVA_VERSION=")) {
          String version = line.substring("JAVA_VERSION=".length()).replace("\"", "");
          return Integer.parseInt(version.split("[.+-]")[0]);
        }
      }
    } catch (IOException | RuntimeException e) {
      // No release file, or not one we read: not a JDK we can vouch for.
    }
    return 0;
  }

  /** A Keycloak home under {@code home}: its own {@code bin/kc.sh} and data, the distribution's libraries linked. */
  private static Path linkedHome(Path distribution, Path home) throws IOException {
    Files.createDirectories(home.resolve("bin"));
    Files.copy(distribution.resolve("bin").resolve("kc.sh"), home.resolve("bin").resolve("kc.sh"),
        StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
    for (String shared : List.of("lib", "themes", "providers", "conf")) {
      Path link = home.resolve(shared);
      Path target = distribution.resolve(shared).toAbsolutePath();
      if (Files.isSymbolicLink(link) && !Files.readSymbolicLink(link).equals(target)) {
        Files.delete(link);
      }
      if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        Files.createSymbolicLink(link, target);
      }
    }
    return home;
  }
}
