package org.shanhai.alerts.alert;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.shanhai.alerts.projection.PayoutView;
import org.shanhai.alerts.projection.ProjectView;
import org.shanhai.alerts.projection.Projections;
import org.shanhai.alerts.projection.SubjectView;
import org.shanhai.alerts.projection.Touched;
import org.shanhai.alerts.projection.VillageView;
import org.shanhai.alerts.rule.Check;
import org.shanhai.alerts.rule.Evaluator;
import org.shanhai.alerts.rule.RuleBook;
import org.shanhai.alerts.rule.RuleService;
import org.shanhai.alerts.rule.Subject;
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
   * The rule book for the facts of one poll: read when the first of them needs it, and shared by the
   * rest, rather than read again for every fact. A poll's facts are applied within moments of each
   * other, so they are judged by the rules as they stood when it began: a rule changed meanwhile
   * applies from the next poll, and the clock's rounds judge every subject again anyway. A failed
   * read fails the poll's facts, and the consumer's retry reads it again.
   */
  public Mono<RuleBook> rulesForAPoll() {
    return rules.book().cache();
  }

  /**
   * Reads what a poll's facts start from at once for all of them: their subjects' views and the
   * newest alert of every fingerprint their checks will name, two reads side by side for the poll
   * instead of two for every fact.
   */
  public Mono<Void> readAhead(List<Event> facts) {
    List<Touched> touched = facts.stream().map(Touched::by).flatMap(Optional::stream).distinct().toList();
    return Mono.when(projections.readAhead(touched),
        store.readAhead(touched.stream().flatMap(t -> foreseen(t).stream()).toList()));
  }

  /**
   * A fact from the projects or payouts service: folds it into the projection, then runs the rules
   * on its subject. The rules run for duplicates too: if an earlier delivery updated the projection
   * and then died, this finishes its work.
   *
   * @param recordedAt when the fact was recorded (the event's time), the start of the latency to a notification
   * @param book the rules to judge it by ({@link #rulesForAPoll})
   * @return true when the projection changed
   */
  public Mono<Boolean> onFact(Event event, Instant recordedAt, Mono<RuleBook> book) {
    Optional<Touched> touched = Touched.by(event);
    if (touched.isEmpty()) {
      return Mono.just(false);
    }
    List<String> foreseen = foreseen(touched.get());
    return Mono.zip(projections.update(event), book, store.latest(foreseen))
        .flatMap(read -> after(read.getT1().view(), read.getT2(), recordedAt, foreseen, read.getT3())
            .thenReturn(read.getT1().changed()))
        .defaultIfEmpty(false);
  }

  /** The fingerprints of the checks the rules make of the subject an event touched. */
  private static List<String> foreseen(Touched touched) {
    return Evaluator.fingerprints(switch (touched.kind()) {
      case PROJECT -> Subject.Type.PROJECT;
      case PAYOUT -> Subject.Type.PAYOUT;
      case VILLAGE -> Subject.Type.VILLAGE;
    }, touched.id());
  }

  /**
   * The rules on the subject's view as the fold left it. The newest alert of every fingerprint its
   * checks will name is read side by side with the fold (and the poll's rule book), or for the whole
   * poll before its first fact ({@link #readAhead}), so a fact waits for two round trips in a row (the
   * view, its write) before the alerts' writes at most, not three: this runs for every fact and its
   * time is the wait before a notification. A read alert that changed meanwhile costs nothing wrong:
   * the alert's write then finds it changed and starts again from a fresh read, and the clock's next
   * round judges the subject again.
   */
  private Mono<Void> after(SubjectView subject, RuleBook book, Instant recordedAt, List<String> foreseen,
      Map<String, Alert> read) {
    if (subject == null) {
      return Mono.empty();
    }
    LocalDate today = LocalDate.now(clock);
    List<Check> checks = subject instanceof ProjectView project ? Evaluator.project(project, book, today)
        : subject instanceof PayoutView payout ? Evaluator.payout(payout, book, today)
        : Evaluator.village((VillageView) subject, book);
    Instant triggeredAt = recordedAt != null ? recordedAt : clock.instant();
    List<String> fingerprints = checks.stream().map(Check::fingerprint).toList();
    // Checks on another subject than the event's (none today) would find their alerts unread: read them then.
    Mono<Map<String, Alert>> latest = foreseen.containsAll(fingerprints) ? Mono.just(read) : store.latest(fingerprints);
    return latest.flatMap(current -> Flux.fromIterable(checks)
        .concatMap(check -> alerts.reconcile(check, book, triggeredAt, current.get(check.fingerprint())))
        .then());
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
