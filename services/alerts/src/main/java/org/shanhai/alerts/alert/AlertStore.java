package org.shanhai.alerts.alert;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.shanhai.events.alerts.AlertEvent;
import org.shanhai.events.value.ProjectId;
import org.shanhai.web.paging.Page;
import org.shanhai.web.paging.PageRequest;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Where alerts are kept, each with its outbox of alert events in the same document. */
public interface AlertStore {

  /** Stores a new occurrence with its events; false when that occurrence exists already (another instance was first). */
  Mono<Boolean> insert(Alert alert, List<AlertEvent> events);

  /** Stores the change if the alert is still at {@code expectedSequence}; false when another write got in first. */
  Mono<Boolean> apply(long expectedSequence, Alert alert, List<AlertEvent> events);

  /** Removes a pending alert whose condition cleared before it fired, if it is still at its sequence. */
  Mono<Boolean> remove(Alert pending);

  Mono<Alert> find(String id);

  /** The newest occurrence of a fingerprint. */
  Mono<Alert> latest(String fingerprint);

  /**
   * The newest occurrence of each of {@code fingerprints} that has one, by fingerprint; in a poll's
   * work, those read ahead for it ({@link #readAhead}) taken from what was read, once.
   */
  Mono<Map<String, Alert>> latest(Collection<String> fingerprints);

  /**
   * Reads the newest occurrence of each of {@code fingerprints} at once for the poll of events being
   * applied, for their first look-ups to start from; outside a poll, nothing.
   */
  Mono<Void> readAhead(Collection<String> fingerprints);

  /** Every alert the clock may still have to change: pending, open, or resolved by hand and awaiting a clear. */
  Flux<Alert> current();

  /** True when {@code projectId} has an open alert of the suspended-or-cancelled rule (inhibition). */
  Mono<Boolean> projectSuspensionOpen(ProjectId projectId);

  /** A page of the alerts matching {@code query}, newest first. */
  Mono<Page<Alert>> search(AlertQuery query, PageRequest page);
}
