package org.shanhai.testkit;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MonitorInfo;
import java.lang.management.ThreadInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * When a test or its set-up fails by waiting too long (a request unanswered within the test
 * client's timeout, a blocking read that timed out), writes the failure's trace and every thread of
 * the test JVM, with its whole stack and the locks it holds and waits on, to
 * {@code target/thread-dumps/}, then lets the failure through. A wait that fails once in many runs
 * on CI's two cores cannot be watched from outside (attaching jstack to a forked test JVM ended it),
 * so the JVM says itself what it was doing.
 */
public final class ThreadsOnTimeout implements TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler {

  private static final Path DIR = Path.of("target", "thread-dumps");

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
    dumpIfTimeout(context, failure);
    throw failure;
  }

  @Override
  public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
    dumpIfTimeout(context, failure);
    throw failure;
  }

  @Override
  public void handleAfterEachMethodExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
    dumpIfTimeout(context, failure);
    throw failure;
  }

  private static void dumpIfTimeout(ExtensionContext context, Throwable failure) {
    if (!isTimeout(failure)) {
      return;
    }
    String test = context.getRequiredTestClass().getSimpleName() + "-" + context.getTestMethod()
        .map(m -> m.getName()).orElse("class");
    Path file = DIR.resolve(test + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("HHmmss")) + ".txt");
    try {
      Files.createDirectories(DIR);
      StringWriter out = new StringWriter();
      failure.printStackTrace(new PrintWriter(out));
      Files.writeString(file, out + "\n" + threads());
      System.err.println("A wait timed out in " + test + "; every thread of this JVM is in " + file.toAbsolutePath());
    } catch (IOException e) {
      System.err.println("A wait timed out in " + test + "; the threads could not be written: " + e);
    }
  }

  /** Reactor's "Timeout on blocking read", a TimeoutException, or Awaitility's condition timeout, however wrapped. */
  static boolean isTimeout(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String message = t.getMessage() == null ? "" : t.getMessage();
      if (t instanceof TimeoutException || message.startsWith("Timeout on blocking read")
          || t.getClass().getSimpleName().equals("ConditionTimeoutException")) {
        return true;
      }
    }
    return false;
  }

  /** All threads as jstack shows them, but with every frame (ThreadInfo's own toString stops at eight). */
  static String threads() {
    StringBuilder out = new StringBuilder();
    for (ThreadInfo thread : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
      out.append('"').append(thread.getThreadName()).append("\" #").append(thread.getThreadId())
          .append(thread.isDaemon() ? " daemon " : " ").append(thread.getThreadState());
      if (thread.getLockName() != null) {
        out.append(" on ").append(thread.getLockName());
      }
      if (thread.getLockOwnerName() != null) {
        out.append(" owned by \"").append(thread.getLockOwnerName()).append('"');
      }
      out.append('\n');
      StackTraceElement[] frames = thread.getStackTrace();
      for (int i = 0; i < frames.length; i++) {
        out.append("\tat ").append(frames[i]).append('\n');
        for (MonitorInfo monitor : thread.getLockedMonitors()) {
          if (monitor.getLockedStackDepth() == i) {
            out.append("\t- locked ").append(monitor).append('\n');
          }
        }
      }
      for (LockInfo lock : thread.getLockedSynchronizers()) {
        out.append("\t- holds ").append(lock).append('\n');
      }
      out.append('\n');
    }
    return out.toString();
  }
}
