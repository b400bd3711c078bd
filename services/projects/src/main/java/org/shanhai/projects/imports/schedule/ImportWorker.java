package org.shanhai.projects.imports.schedule;

import java.time.Clock;
import java.util.UUID;

import com.mongodb.MongoException;
import jakarta.annotation.PreDestroy;
import org.shanhai.messaging.schedule.Passes;
import org.shanhai.projects.imports.Import;
import org.shanhai.projects.imports.ImportService;
import org.shanhai.security.audit.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Does the imports' work in the background: looks for an import with work left and a free lease
 * (a new upload, a commit asked for, or work an instance that stopped left behind) and does it, then
 * the next, until there is none. One pass at a time per instance; the scheduler's thread only starts it.
 */
@Component
class ImportWorker {

  private static final Logger log = LoggerFactory.getLogger(ImportWorker.class);

  private final ImportService imports;
  private final AuditTrail trail;
  private final Clock clock;
  private final String worker = "worker-" + UUID.randomUUID();
  private final Passes passes = new Passes("import worker");

  ImportWorker(ImportService imports, AuditTrail trail, Clock clock) {
    this.imports = imports;
    this.trail = trail;
    this.clock = clock;
  }

  @Scheduled(fixedDelayString = "${shanhai.projects.imports.poll-interval:PT0.5S}", initialDelayString = "PT2S")
  void poll() {
    passes.start(this::next);
  }

  /** Claims and works on one import: true when there was one. */
  private Mono<Boolean> next() {
    return imports.claim(worker).flatMap(claimed -> imports.work(claimed, worker)
            .flatMap(this::audited)
            .onErrorResume(e -> failed(claimed, e))
            .thenReturn(true))
        .defaultIfEmpty(false);
  }

  /** A commit's end goes in the audit trail with who committed, the file's hash and the counts. */
  private Mono<Void> audited(Import after) {
    if (after.state() != Import.State.DONE) {
      return Mono.empty();
    }
    Import.Counts c = after.counts();
    return trail.recordFinished("import-" + after.id() + "-done", after.actor().name(),
        "import " + after.id() + " committed", "import " + after.kind().wire() + " of " + after.fileName() + " (sha256 "
            + after.fileHash() + "): " + c.rows() + " rows, " + c.created() + " created, " + c.replayed()
            + " replayed, " + c.rejected() + " rejected", "/api/v1/imports/" + after.id(), clock.instant());
  }

  /**
   * A failure of the database is left for the lease to run out and the work to be tried again; any
   * other failure is the import's, which then ends FAILED with the reason.
   */
  private Mono<Void> failed(Import claimed, Throwable e) {
    if (e instanceof MongoException || e.getCause() instanceof MongoException) {
      log.warn("import {} paused by a database failure; it resumes when its lease runs out", claimed.id(), e);
      return Mono.empty();
    }
    log.error("import {} failed", claimed.id(), e);
    return imports.fail(claimed, worker, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
  }

  @PreDestroy
  void stop() {
    passes.close();
  }
}
