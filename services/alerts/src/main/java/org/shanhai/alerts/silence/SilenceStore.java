package org.shanhai.alerts.silence;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Where silences are kept. */
public interface SilenceStore {

  Mono<Void> insert(Silence silence);

  /** Sets the silence's end (expiring it). */
  Mono<Void> end(Silence silence);

  Mono<Silence> find(String id);

  Flux<Silence> all();
}
