package org.shanhai.alerts.silence;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.shanhai.events.alerts.Alert;
import org.shanhai.web.paging.Page;
import org.shanhai.web.paging.PageRequest;
import org.shanhai.web.validation.NotFound;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Silences: made, listed with their state, expired; and whether one silences an alert now. */
@Service
public class SilenceService {

  private final SilenceStore store;
  private final Clock clock;

  SilenceService(SilenceStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  public Mono<Silence> create(Silence.Request request, String user) {
    return Mono.defer(() -> {
      Silence silence = Silence.create(UUID.randomUUID().toString(), request, user, clock.instant());
      return store.insert(silence).thenReturn(silence);
    });
  }

  public Mono<Silence> find(String id) {
    return store.find(id).switchIfEmpty(Mono.error(() -> new NotFound("silence", id)));
  }

  public Mono<Page<Silence>> list(Silence.State state, PageRequest page) {
    Instant now = clock.instant();
    return store.all().filter(s -> state == null || s.state(now) == state).collectList()
        .map(all -> Page.of(all, page));
  }

  public Mono<Silence> expire(String id) {
    return find(id).flatMap(silence -> {
      Silence expired = silence.expired(clock.instant());
      return expired == silence ? Mono.just(silence) : store.end(expired).thenReturn(expired);
    });
  }

  /** The id of an active silence that matches {@code alert}, if any. */
  public Mono<String> silencing(Alert alert) {
    Instant now = clock.instant();
    return store.all().filter(s -> s.silences(alert, now)).map(Silence::id).next();
  }
}
