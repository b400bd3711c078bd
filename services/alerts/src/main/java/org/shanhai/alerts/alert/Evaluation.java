package org.shanhai.alerts.alert;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.shanhai.alerts.projection.Projections;
import org.shanhai.alerts.projection.Touched;
import org.shanhai.alerts.rule.Check;
import org.shanhai.alerts.rule.Evaluator;
import org.shanhai.alerts.rule.RuleBook;
import org.shanhai.alerts.rule.RuleService;
import org.shanhai.alerts.targets.TargetStore;
import org.shanhai.events.Event;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs the rules: over one subject after an event about it, and over everything on the clock's
 * rounds (time-driven rules, {@code for} durations, escalation). The rules read only this
 * service's projections, and the alerts follow their checks idempotently, so a redelivered event
 * or two instances on the same round change nothing twice. "Today" is Zhejiang's: the clock is
 * in the configured zone.
 */
public class Evaluation {

  private final Projections projections;
  private final RuleService rules;
  private final TargetStore targets;
  private final AlertService alerts;
  private final AlertStore store;
  private final Clock clock;

  public Evaluation(Projections projections, RuleService rules, TargetStore targets, AlertService alerts,
      AlertStore store, Clock clock) {
    this.projections = projections;
    this.rules = rules;
    this.targets = targets;
    this.alerts = alerts;
    this.store = store;
    this.clock = clock;
  }

  /**
   * A fact from the projects or payouts service: folds it into the projection, then runs the rules
   * on its subject. The rules run for duplicates too: if an earlier delivery updated the projection
   * and then died, this finishes its work.
   *
   * @param recordedAt when the fact was recorded (the event's time), the start of the latency to a notification
   * @return true when the projection changed
   */
  public Mono<Boolean> onFact(Event event, Instant recordedAt) {
    return projections.apply(event).flatMap(applied -> after(event, recordedAt).thenReturn(applied));
  }

  /**
   * The rules on the event's subject. The rule book and the subject's view are read side by side, then
   * the newest alert of every fingerprint the checks name in one query: six reads in a row
   * become two, since this runs for every fact and its time is the wait before a notification.
   */
  private Mono<Void> after(Event event, Instant recordedAt) {
    return Mono.justOrEmpty(Touched.by(event)).flatMap(touched -> {
      LocalDate today = LocalDate.now(clock);
      Mono<Function<RuleBook, List<Check>>> subject = switch (touched.kind()) {
        case PROJECT -> projections.project(touched.id()).map(p -> book -> Evaluator.project(p, book, today));
        case PAYOUT -> projections.payout(touched.id()).map(p -> book -> Evaluator.payout(p, book, today));
        case VILLAGE -> projections.village(touched.id()).map(v -> book -> Evaluator.village(v, book));
      };
      Instant triggeredAt = recordedAt != null ? recordedAt : clock.instant();
      return Mono.zip(rules.book(), subject).flatMap(read -> {
        RuleBook book = read.getT1();
        List<Check> checks = read.getT2().apply(book);
        return store.latest(checks.stream().map(Check::fingerprint).toList())
            .flatMap(latest -> Flux.fromIterable(checks)
                .concatMap(check -> alerts.reconcile(check, book, triggeredAt, latest.get(check.fingerprint())))
                .then());
      });
    });
  }

  /** One round over every subject; returns how many checks held. */
  public Mono<Long> all() {
    return Mono.zip(rules.book(), store.current().collectMap(Alert::fingerprint),
            projections.projects().collectList(), targets.all(null).collectList())
        .flatMap(t -> {
          RuleBook book = t.getT1();
          Map<String, Alert> current = t.getT2();
          LocalDate today = LocalDate.now(clock);
          Instant now = clock.instant();
          Flux<Check> checks = Flux.concat(
              Flux.fromIterable(t.getT3()).flatMapIterable(p -> Evaluator.project(p, book, today)),
              projections.payouts().flatMapIterable(p -> Evaluator.payout(p, book, today)),
              projections.villages().flatMapIterable(v -> Evaluator.village(v, book)),
              Flux.fromIterable(Evaluator.targets(t.getT3(), t.getT4(), book, today)));
          return checks.concatMap(check -> alerts.reconcile(check, book, now, current.get(check.fingerprint()))
              .thenReturn(check.holds())).filter(Boolean::booleanValue).count();
        });
  }
}
