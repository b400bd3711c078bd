package org.shanhai.alerts.silence;

import java.time.Instant;

import org.shanhai.web.paging.Page;
import org.shanhai.web.paging.PageRequest;
import org.shanhai.web.write.DuplicateKey;
import org.shanhai.web.write.Stored;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Where silences are kept. */
public interface SilenceStore {

  /** Stores a new silence; fails with {@link DuplicateKey} when its id exists (a replayed Idempotency-Key). */
  Mono<Void> insert(Silence silence, String requestHash);

  /** Sets the silence's end (expiring it). */
  Mono<Void> end(Silence silence);

  Mono<Stored<Silence>> find(String id);

  /** A page of the silences in {@code state} at {@code now} (any state when null), the latest to start first. */
  Mono<Page<Silence>> list(Silence.State state, Instant now, PageRequest page);

  /** The silences active at {@code now}. */
  Flux<Silence> activeAt(Instant now);
}
