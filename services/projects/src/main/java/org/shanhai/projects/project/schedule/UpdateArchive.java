package org.shanhai.projects.project.schedule;

import java.util.concurrent.atomic.AtomicBoolean;

import org.shanhai.projects.project.ProjectService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Moves accepted updates out of their projects' documents into the history, pass after pass while
 * there are some, then every {@code shanhai.projects.archive-interval}. On every instance: a move is
 * a copy under the update's own id followed by taking it out, so two instances moving the same
 * update do it twice to the same effect.
 */
@Component
class UpdateArchive {

  private static final Logger log = LoggerFactory.getLogger(UpdateArchive.class);

  private final ProjectService projects;
  private final AtomicBoolean busy = new AtomicBoolean();
  /** Whether the last pass failed: a database outage is logged once when it starts, not every pass. */
  private final AtomicBoolean failing = new AtomicBoolean();

  UpdateArchive(ProjectService projects) {
    this.projects = projects;
  }

  @Scheduled(fixedDelayString = "${shanhai.projects.archive-interval:PT0.2S}", initialDelayString = "PT1S")
  void move() {
    if (!busy.compareAndSet(false, true)) {
      return;
    }
    Mono.defer(projects::archiveUpdates).repeat().takeWhile(moved -> moved > 0)
        .doOnComplete(() -> {
          if (failing.getAndSet(false)) {
            log.info("update archive: the database answers again");
          }
        })
        .doFinally(signal -> busy.set(false))
        .subscribe(moved -> { }, e -> {
          if (!failing.getAndSet(true)) {
            log.warn("update archive cannot move updates (it keeps trying every pass): {}", e.toString());
          }
        });
  }
}
