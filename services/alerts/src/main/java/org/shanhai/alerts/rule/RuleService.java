package org.shanhai.alerts.rule;

import java.time.Clock;

import org.shanhai.web.access.Actor;
import org.shanhai.web.validation.Conflict;
import org.shanhai.web.validation.NotFound;
import org.shanhai.web.write.CompareAndSet;
import reactor.core.publisher.Mono;

/** Reading and changing the rules' settings ({@code GET/PUT /api/v1/rules/{id}}). */
public class RuleService {

  private final RuleStore store;
  private final Clock clock;

  public RuleService(RuleStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  public Mono<RuleBook> book() {
    return store.all().collectList().map(RuleBook::of);
  }

  public Mono<RuleConfig> get(String id) {
    RuleId rule = RuleId.byId(id).orElseThrow(() -> new NotFound("rule", id));
    return book().map(b -> b.of(rule));
  }

  /**
   * Applies {@code change}; with {@code ifMatch} only if the rule is still at that version (412
   * otherwise). Without it, a change made meanwhile by someone else is kept and this one applied on top.
   */
  public Mono<RuleConfig> change(String id, RuleConfig.Change change, Actor actor, Long ifMatch) {
    actor.requireProvince("changing a rule");
    String user = actor.name();
    return CompareAndSet.retry(get(id).flatMap(current -> {
      if (ifMatch != null && ifMatch != current.version()) {
        return Mono.error(new Conflict(Conflict.Kind.PRECONDITION_FAILED,
            "rule " + id + " is at version " + current.version() + ", not " + ifMatch));
      }
      RuleConfig changed = current.change(change, user, clock.instant());
      return store.save(current.version(), changed).filter(saved -> saved).map(saved -> changed);
    }), "rule " + id);
  }
}
