package org.shanhai.alerts.alert;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

import org.shanhai.alerts.rule.Check;
import org.shanhai.alerts.rule.RuleBook;
import org.shanhai.alerts.rule.RuleConfig;
import org.shanhai.web.access.Actor;
import org.shanhai.web.paging.Page;
import org.shanhai.web.paging.PageRequest;
import org.shanhai.web.validation.NotFound;
import org.shanhai.web.write.CompareAndSet;
import reactor.core.publisher.Mono;

/**
 * The alert lifecycle: brings each alert in line with what its rule found (open, fire, escalate,
 * resolve by itself), and takes officers' acknowledgements and resolutions. Every change is one
 * sequence-guarded write of the alert with its events; when another instance wrote first, the
 * change is worked out again from what that instance left.
 */
public class AlertService {

  private final AlertStore store;
  private final Clock clock;

  public AlertService(AlertStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** Brings the alert of {@code check} in line with it. {@code triggeredAt}: when the fact behind the check was recorded. */
  public Mono<Void> reconcile(Check check, RuleBook rules, Instant triggeredAt) {
    return CompareAndSet.retry(store.latest(check.fingerprint()).map(Optional::of).defaultIfEmpty(Optional.empty())
        .flatMap(latest -> step(check, rules, triggeredAt, latest.orElse(null))), "alert " + check.fingerprint())
        .then();
  }

  /**
   * As {@link #reconcile}, starting from {@code current}, the alert the caller already read for this
   * fingerprint: its newest occurrence, or (on the clock's rounds) the one pending, open or awaiting a
   * clear; null when there is none. Saves a read per check; a write that finds the alert changed
   * meanwhile starts again from a fresh read.
   */
  public Mono<Void> reconcile(Check check, RuleBook rules, Instant triggeredAt, Alert current) {
    if (current == null && !check.holds()) {
      return Mono.empty();
    }
    return step(check, rules, triggeredAt, current).hasElement()
        .flatMap(done -> done ? Mono.empty() : reconcile(check, rules, triggeredAt));
  }

  /** One decision on the alert as read: true when done (written, or nothing to change), empty when another write won. */
  private Mono<Boolean> step(Check check, RuleBook rules, Instant triggeredAt, Alert latest) {
    Instant now = clock.instant();
    RuleConfig config = rules.of(check.rule());
    if (check.holds()) {
      if (latest == null || (latest.state() == AlertState.RESOLVED && !latest.awaitingClear())) {
        Alert.Changed opened = Alert.open(check, latest == null ? 1 : latest.occurrence() + 1, config, now, triggeredAt);
        return written(store.insert(opened.alert(), opened.events()));
      }
      if (latest.state() == AlertState.RESOLVED) {
        return Mono.just(true);
      }
      return latest.stillHolds(check.finding(), config, now).map(changed -> save(latest, changed))
          .orElse(Mono.just(true));
    }
    return latest == null ? Mono.just(true)
        : latest.cleared(now).map(changed -> save(latest, changed)).orElse(Mono.just(true));
  }

  private Mono<Boolean> save(Alert before, Alert.Changed changed) {
    return written(changed.gone() ? store.remove(before)
        : store.apply(before.sequence(), changed.alert(), changed.events()));
  }

  private static Mono<Boolean> written(Mono<Boolean> write) {
    return write.filter(done -> done);
  }

  public Mono<Alert> acknowledge(String id, Actor actor, String note) {
    return officerChange(id, actor, "acknowledging this alert",
        alert -> alert.acknowledge(actor.name(), note, clock.instant()));
  }

  public Mono<Alert> resolve(String id, Actor actor, String note) {
    return officerChange(id, actor, "resolving this alert",
        alert -> alert.resolve(actor.name(), note, clock.instant()));
  }

  /** A change by an officer of a county the alert is labelled with (either side), or by the province. */
  private Mono<Alert> officerChange(String id, Actor actor, String what, Function<Alert, Alert.Changed> change) {
    return CompareAndSet.retry(find(id).flatMap(alert -> {
      actor.requireEitherSide(alert.subject().county(), alert.subject().partner(), what);
      Alert.Changed changed = change.apply(alert);
      if (changed.alert() == alert) {
        return Mono.just(alert);
      }
      return written(store.apply(alert.sequence(), changed.alert(), changed.events())).map(done -> changed.alert());
    }), "alert " + id);
  }

  public Mono<Alert> find(String id) {
    return store.find(id).switchIfEmpty(Mono.error(() -> new NotFound("alert", id)));
  }

  public Mono<Page<Alert>> search(AlertQuery query, PageRequest page) {
    return store.search(query, page);
  }
}
