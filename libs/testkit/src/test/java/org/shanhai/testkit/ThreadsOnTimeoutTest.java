package org.shanhai.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;

class ThreadsOnTimeoutTest {

  @Test
  void aTimedOutWaitIsToldFromOtherFailuresHoweverWrapped() {
    assertThat(ThreadsOnTimeout.isTimeout(new RuntimeException("request failed",
        new IllegalStateException("Timeout on blocking read for 30000000000 NANOSECONDS")))).isTrue();
    assertThat(ThreadsOnTimeout.isTimeout(new AssertionError("no answer", new TimeoutException()))).isTrue();
    assertThat(ThreadsOnTimeout.isTimeout(new AssertionError("Status expected:<201> but was:<400>"))).isFalse();
  }

  @Test
  void theThreadsAreWrittenWithWholeStacksAndWhoHoldsWhatTheyWaitFor() throws InterruptedException {
    Object lock = new Object();
    CountDownLatch waiting = new CountDownLatch(1);
    Thread blocked = new Thread(() -> {
      waiting.countDown();
      synchronized (lock) {
        lock.hashCode();
      }
    }, "waits-for-the-lock");
    String threads;
    synchronized (lock) {
      blocked.start();
      waiting.await();
      while (blocked.getState() != Thread.State.BLOCKED) {
        Thread.onSpinWait();
      }
      threads = ThreadsOnTimeout.threads();
    }
    blocked.join();

    String mine = Thread.currentThread().getName();
    assertThat(threads).contains("\"waits-for-the-lock\"").contains("BLOCKED on java.lang.Object@")
        .contains("owned by \"" + mine + "\"").contains("- locked java.lang.Object@");
    String ownStack = threads.substring(threads.indexOf('"' + mine + '"'));
    // Far deeper than the eight frames ThreadInfo.toString would keep: down to JUnit's launcher.
    assertThat(ownStack.substring(0, ownStack.indexOf("\n\n"))).contains("ThreadsOnTimeoutTest.theThreadsAreWritten")
        .contains("org.junit.platform.launcher");
  }
}
