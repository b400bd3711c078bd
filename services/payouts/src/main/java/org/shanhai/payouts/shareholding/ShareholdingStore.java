package org.shanhai.payouts.shareholding;

import java.time.LocalDate;

import org.shanhai.web.paging.Page;
import org.shanhai.web.paging.PageRequest;
import org.shanhai.web.write.DuplicateKey;
import org.shanhai.web.write.Stored;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Where shareholdings are kept, each with its payout schedule and its outbox, one document each. */
public interface ShareholdingStore {

  /** Stores a new shareholding with its events; fails with {@link DuplicateKey} when the id exists. */
  Mono<Void> insert(Shareholding.Changed registered, String requestHash);

  Mono<Stored<Shareholding>> find(String id);

  /** Stores a change with its events if the shareholding is still at {@code expectedSequence}; false otherwise. */
  Mono<Boolean> apply(long expectedSequence, Shareholding.Changed changed);

  /** A page of the shareholdings matching {@code query}, in the order they were registered. */
  Mono<Page<Shareholding>> search(ShareholdingQuery query, PageRequest page);

  /** Every shareholding matching {@code query}: for summaries and metrics. */
  Flux<Shareholding> all(ShareholdingQuery query);

  /** A page of the payouts matching {@code query}, by due date then shareholding. */
  Mono<Page<PayoutLine>> payouts(PayoutQuery query, PageRequest page);

  /** Shareholdings with a payout still open whose due date is {@code today} or earlier. */
  Flux<Shareholding> withOpenPayoutsDueBy(LocalDate today);
}
