package org.shanhai.alerts.targets;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.shanhai.web.access.Actor;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Setting and listing the annual investment targets the annual-target rule compares against. */
public class TargetService {

  private final TargetStore store;
  private final Clock clock;

  public TargetService(TargetStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** Sets a target; setting it again replaces it (a PUT: idempotent by nature). */
  public Mono<Target> set(Target.Scope scope, String key, int year, BigDecimal investment, Actor actor) {
    return Mono.defer(() -> {
      actor.requireProvince("setting an investment target");
      Target target = Target.set(scope, key, year, investment, actor.name(), clock.instant());
      return store.put(target).thenReturn(target);
    });
  }

  /** The targets of {@code year}, with the province's default when none was set for it. */
  public Flux<Target> of(int year) {
    return store.all(year).collectList().flatMapMany(set -> {
      List<Target> all = new ArrayList<>(set);
      if (all.stream().noneMatch(t -> t.scope() == Target.Scope.PROVINCE)) {
        all.add(0, Target.provinceDefault(year));
      }
      return Flux.fromIterable(all);
    });
  }
}
