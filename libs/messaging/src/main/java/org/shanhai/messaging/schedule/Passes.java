package org.shanhai.messaging.schedule;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * A background job done in passes, started from a scheduled method: each start runs passes one after
 * another while they find work, never two runs at once on this instance. A failure (the database
 * gone) is logged once when it begins and once when it ends, not at every pass; the next start
 * simply tries again. Closing it stops the passes under way.
 */
public final class Passes implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Passes.class);

  private final String name;
  private final AtomicBoolean busy = new AtomicBoolean();
  private final AtomicBoolean failing = new AtomicBoolean();
  private volatile Disposable running;

  /** @param name what the job is, for its log lines ("import worker") */
  public Passes(String name) {
    this.name = name;
  }

  /** Runs {@code pass} again and again while it emits true (it found work); returns at once. */
  public void start(Supplier<Mono<Boolean>> pass) {
    if (!busy.compareAndSet(false, true)) {
      return;
    }
    running = Mono.defer(pass).repeat().takeWhile(worked -> worked)
        .doOnComplete(() -> {
          if (failing.getAndSet(false)) {
            log.info("{}: the database answers again", name);
          }
        })
        .doFinally(signal -> busy.set(false))
        .subscribe(worked -> { }, e -> {
          if (!failing.getAndSet(true)) {
            log.warn("{} cannot do its work (it keeps trying at every start): {}", name, e.toString());
          }
        });
  }

  @Override
  public void close() {
    Disposable work = running;
    if (work != null) {
      work.dispose();
    }
  }
}
