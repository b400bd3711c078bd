package org.shanhai.alerts.rule;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Where changed rule settings are kept; a rule nobody changed is not stored and has its defaults. */
public interface RuleStore {

  Flux<RuleConfig> all();

  /** Stores {@code config} if the stored version is still {@code expectedVersion} (0: none stored yet); false otherwise. */
  Mono<Boolean> save(long expectedVersion, RuleConfig config);
}
