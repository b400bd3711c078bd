package org.shanhai.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import one.profiler.AsyncProfilerLoader;

/**
 * {@code SHANHAI_PROFILE=<dir> ./shanhai bench}: async-profiler's CPU samples of every process of the
 * stack over one phase of the bench, each written as a flame graph ({@code <name>.html}) and as
 * collapsed stacks ({@code <name>.collapsed}, one line per stack, for counting with a script). Attached
 * from outside to the running JVMs, so a phase is profiled alone, without the start and the warm-up.
 * The samples include the JIT compiler's and the collector's threads and the kernel's frames, which a
 * Java-level profiler does not see; each stack starts with its thread's name.
 */
final class FlameGraphs {

  private final Path directory;
  private final Map<String, Long> profiled = new LinkedHashMap<>();

  private FlameGraphs(Path directory) {
    this.directory = directory;
  }

  /** Starts profiling {@code processes} (name → pid) when {@code SHANHAI_PROFILE} names a directory; else nothing. */
  static FlameGraphs startIfAsked(Map<String, Long> processes) throws IOException {
    String asked = System.getenv("SHANHAI_PROFILE");
    FlameGraphs graphs = new FlameGraphs(asked == null || asked.isBlank() ? null : Path.of(asked).toAbsolutePath());
    if (graphs.directory == null) {
      return graphs;
    }
    if (!AsyncProfilerLoader.isSupported()) {
      System.out.println("SHANHAI_PROFILE: async-profiler has no build for this platform; nothing profiled");
      return graphs;
    }
    Files.createDirectories(graphs.directory);
    for (Map.Entry<String, Long> process : processes.entrySet()) {
      // cpu: perf events where the kernel allows them, else a CPU-time timer; --threads: a root frame per thread.
      if (asprof("start", "-e", "cpu", "--threads", process.getValue().toString())) {
        graphs.profiled.put(process.getKey(), process.getValue());
      }
    }
    return graphs;
  }

  /** Writes each profiled process's samples since the start and stops profiling it. */
  void stop() {
    for (Map.Entry<String, Long> process : profiled.entrySet()) {
      String file = fileName(process.getKey());
      String pid = process.getValue().toString();
      asprof("dump", "-o", "collapsed", "-f", directory.resolve(file + ".collapsed").toString(), pid);
      asprof("stop", "-o", "flamegraph", "--title", process.getKey(), "-f", directory.resolve(file + ".html").toString(),
          pid);
    }
    if (!profiled.isEmpty()) {
      System.out.println("SHANHAI_PROFILE: flame graphs of " + String.join(", ", profiled.keySet()) + " in " + directory);
    }
  }

  /** "broker + wire server + clients" → "broker-wire-server-clients". */
  private static String fileName(String process) {
    return process.replaceAll("[^A-Za-z0-9]+", "-");
  }

  /** Runs async-profiler's command-line client; a failure is reported, never fatal to the bench. */
  private static boolean asprof(String... arguments) {
    try {
      AsyncProfilerLoader.executeProfiler(arguments);
      return true;
    } catch (IOException e) {
      System.out.println("SHANHAI_PROFILE: asprof " + String.join(" ", arguments) + " failed: " + e.getMessage());
      return false;
    }
  }
}
