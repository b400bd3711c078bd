package org.shanhai.projects.project.schedule;

import jakarta.annotation.PreDestroy;
import org.shanhai.messaging.schedule.Passes;
import org.shanhai.projects.project.ProjectService;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Moves accepted updates out of their projects' documents into the history every
 * {@code shanhai.projects.archive-interval}, and pass after pass while a pass finds a full batch (a
 * backlog). Not while it finds any: under a steady stream of reports there always is one, and the
 * passes ran back to back, each reading every project for the few reports written meanwhile. On
 * every instance: a move is a copy under the update's own id followed by taking it out, so two
 * instances moving the same update do it twice to the same effect.
 */
@Component
class UpdateArchive {

  private final ProjectService projects;
  private final Passes passes = new Passes("update archive");

  UpdateArchive(ProjectService projects) {
    this.projects = projects;
  }

  @Scheduled(fixedDelayString = "${shanhai.projects.archive-interval:PT0.2S}", initialDelayString = "PT1S")
  void move() {
    passes.start(projects::archiveUpdates);
  }

  @PreDestroy
  void stop() {
    passes.close();
  }
}
