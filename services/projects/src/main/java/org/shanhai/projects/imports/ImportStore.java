package org.shanhai.projects.imports;

import java.time.Instant;
import java.util.List;

import org.shanhai.web.access.Actor;
import org.shanhai.web.paging.Page;
import org.shanhai.web.paging.PageRequest;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Where imports and their rows are kept. Work on an import (its dry run, its commit) is done under a
 * lease, so that with several instances one works on it at a time, and another takes it over when
 * the lease runs out (the instance stopped): every write of the work is conditional on holding it.
 */
public interface ImportStore {

  /** Stores the rows, then the import, so that work never starts on an import whose rows are not all there. */
  Mono<Void> create(Import anImport, Flux<ImportRow> rows);

  Mono<Import> find(String id);

  /** The imports of {@code owner} (every import when null), newest first. */
  Mono<Page<Import>> list(String owner, PageRequest page);

  /** Every row of an import, in order. */
  Flux<ImportedRow> rows(String importId);

  /** A page of the rows, in order; only those with errors or warnings when {@code withIssues}. */
  Mono<Page<ImportedRow>> rows(String importId, boolean withIssues, PageRequest page);

  /** Takes the lease of an import with work left whose lease ran out (or that never had one). */
  Mono<Import> claim(String worker, Instant now, Instant leaseUntil);

  /** Asks for the commit of a VALIDATED import, to be made with {@code actor}'s rights: false in any other state. */
  Mono<Boolean> requestCommit(String id, Actor actor, Instant now);

  /** Starts the dry run over: its counts to zero. False when the lease is lost. */
  Mono<Boolean> restartValidation(String id, String worker, Instant leaseUntil);

  /**
   * Stores the verdicts on (or outcomes of) a batch of rows, adds the batch's tallies to the counts
   * and extends the lease: false when the lease was lost, and then nothing is stored.
   */
  Mono<Boolean> saveRows(String importId, String worker, List<ImportedRow> rows, Import.Counts added,
      Instant leaseUntil);

  /** Ends the work: the import's new state, its counts as its rows now say, the lease released. */
  Mono<Boolean> settle(String id, String worker, Import.State state, String failure, Instant now);
}
