package org.shanhai.alerts.targets;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Where the annual targets are kept. */
public interface TargetStore {

  /** Sets the target of its scope, key and year, replacing any earlier one. */
  Mono<Void> put(Target target);

  Flux<Target> all(Integer year);
}
