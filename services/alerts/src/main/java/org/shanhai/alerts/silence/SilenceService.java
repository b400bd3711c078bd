package org.shanhai.alerts.silence;

import java.time.Clock;
import java.time.Instant;

import org.shanhai.events.alerts.Alert;
import org.shanhai.web.access.Actor;
import org.shanhai.web.paging.Page;
import org.shanhai.web.paging.PageRequest;
import org.shanhai.web.validation.NotFound;
import org.shanhai.web.write.IdempotencyKeys;
import org.shanhai.web.write.IdempotentCreate;
import org.shanhai.web.write.Stored;
import org.shanhai.web.write.Written;
import reactor.core.publisher.Mono;

/** Silences: made, listed with their state, expired; and whether one silences an alert now. */
public class SilenceService {

  private final SilenceStore store;
  private final Clock clock;

  public SilenceService(SilenceStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  public Mono<Written<Silence>> create(Silence.Order order, String requestHash, Actor actor, String key) {
    actor.requireProvince("silencing alerts");
    String user = actor.name();
    String id = IdempotencyKeys.idFor("silence", user, key);
    Mono<Silence> insert = Mono.defer(() -> {
      Silence silence = Silence.create(id, order, user, clock.instant());
      return store.insert(silence, requestHash).thenReturn(silence);
    });
    return IdempotentCreate.create(insert, () -> store.find(id), requestHash, "a different silence");
  }

  public Mono<Silence> find(String id) {
    return store.find(id).map(Stored::value).switchIfEmpty(Mono.error(() -> new NotFound("silence", id)));
  }

  public Mono<Page<Silence>> list(Silence.State state, PageRequest page) {
    return store.list(state, clock.instant(), page);
  }

  /** Expires the silence now; expiring it again changes nothing (a DELETE). */
  public Mono<Silence> expire(String id, Actor actor) {
    actor.requireProvince("expiring a silence");
    return find(id).flatMap(silence -> {
      Silence expired = silence.expired(clock.instant());
      return expired == silence ? Mono.just(silence) : store.end(expired).thenReturn(expired);
    });
  }

  /** The id of an active silence that matches {@code alert}, if any. */
  public Mono<String> silencing(Alert alert) {
    Instant now = clock.instant();
    return store.activeAt(now).filter(s -> s.silences(alert, now)).map(Silence::id).next();
  }
}
