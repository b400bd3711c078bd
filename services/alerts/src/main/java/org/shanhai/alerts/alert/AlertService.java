package org.shanhai.alerts.alert;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.shanhai.alerts.rule.RuleBook;
import org.shanhai.alerts.rule.RuleConfig;
import org.shanhai.web.paging.Page;
import org.shanhai.web.paging.PageRequest;
import org.shanhai.web.validation.Conflict;
import org.shanhai.web.validation.NotFound;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The alert lifecycle: brings each alert in line with what its rule found (open, fire, escalate,
 * resolve by itself), and takes officers' acknowledgements and resolutions. Every change is one
 * sequence-guarded write of the alert with its events; when another instance wrote first, the
 * change is worked out again from what that instance left.
 */
@Service
public class AlertService {

  private final AlertStore store;
  private final Clock clock;

  AlertService(AlertStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** Brings the alert of {@code check} in line with it. {@code triggeredAt}: when the fact behind the check was recorded. */
  public Mono<Void> reconcile(Check check, RuleBook rules, Instant triggeredAt) {
    return Mono.defer(() -> store.latest(check.fingerprint()).map(Optional::of).defaultIfEmpty(Optional.empty())
            .flatMap(latest -> step(check, rules, triggeredAt, latest.orElse(null))))
        .retryWhen(Retry.max(5).filter(LostRace.class::isInstance));
  }

  /**
   * As {@link #reconcile}, starting from {@code current}, the alert the caller already read for this
   * fingerprint (null: none pending, open or awaiting a clear). Saves a read per check on the clock's rounds.
   */
  public Mono<Void> reconcile(Check check, RuleBook rules, Instant triggeredAt, Alert current) {
    if (current == null && !check.holds()) {
      return Mono.empty();
    }
    return step(check, rules, triggeredAt, current)
        .onErrorResume(LostRace.class, e -> reconcile(check, rules, triggeredAt));
  }

  private Mono<Void> step(Check check, RuleBook rules, Instant triggeredAt, Alert latest) {
    Instant now = clock.instant();
    RuleConfig config = rules.of(check.rule());
    if (check.holds()) {
      if (latest == null || (latest.state() == AlertState.RESOLVED && !latest.awaitingClear())) {
        Alert.Changed opened = Alert.open(check, latest == null ? 1 : latest.occurrence() + 1, config, now, triggeredAt);
        return store.insert(opened.alert(), opened.events()).flatMap(this::orLostRace);
      }
      if (latest.state() == AlertState.RESOLVED) {
        return Mono.empty();
      }
      return latest.stillHolds(check.finding(), config, now).map(changed -> save(latest, changed)).orElse(Mono.empty());
    }
    return latest == null ? Mono.empty()
        : latest.cleared(now).map(changed -> save(latest, changed)).orElse(Mono.empty());
  }

  private Mono<Void> save(Alert before, Alert.Changed changed) {
    Mono<Boolean> write = changed.gone() ? store.remove(before)
        : store.apply(before.sequence(), changed.alert(), changed.events());
    return write.flatMap(this::orLostRace);
  }

  private Mono<Void> orLostRace(boolean written) {
    return written ? Mono.empty() : Mono.error(new LostRace());
  }

  public Mono<Alert> acknowledge(String id, String user, String note) {
    return officerChange(id, alert -> alert.acknowledge(user, note, clock.instant()));
  }

  public Mono<Alert> resolve(String id, String user, String note) {
    return officerChange(id, alert -> alert.resolve(user, note, clock.instant()));
  }

  private Mono<Alert> officerChange(String id, java.util.function.Function<Alert, Alert.Changed> change) {
    return Mono.defer(() -> find(id).flatMap(alert -> {
      Alert.Changed changed = change.apply(alert);
      if (changed.alert() == alert) {
        return Mono.just(alert);
      }
      return store.apply(alert.sequence(), changed.alert(), changed.events())
          .flatMap(written -> written ? Mono.just(changed.alert()) : Mono.error(new LostRace()));
    })).retryWhen(Retry.max(3).filter(LostRace.class::isInstance)
        .onRetryExhaustedThrow((spec, signal) -> new Conflict(Conflict.Kind.EXISTS,
            "alert " + id + " keeps changing; read it again and retry")));
  }

  public Mono<Alert> find(String id) {
    return store.find(id).switchIfEmpty(Mono.error(() -> new NotFound("alert", id)));
  }

  public Mono<Page<Alert>> search(AlertQuery query, PageRequest page) {
    return store.search(query).collectList().map(all -> Page.of(all, page));
  }

  /** Another instance changed the alert between our read and our write. */
  private static final class LostRace extends RuntimeException {
    LostRace() {
      super(null, null, false, false);
    }
  }
}
