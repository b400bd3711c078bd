package org.shanhai.payouts.aid;

import org.shanhai.web.paging.Page;
import org.shanhai.web.paging.PageRequest;
import org.shanhai.web.write.DuplicateKey;
import org.shanhai.web.write.Stored;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Where aid transfers are kept, each with its outbox. */
public interface AidTransferStore {

  /** Stores a transfer with its event; fails with {@link DuplicateKey} when the id exists. */
  Mono<Void> insert(AidTransfer transfer, String requestHash);

  Mono<Stored<AidTransfer>> find(String id);

  /** A page of the transfers matching {@code query}, oldest first. */
  Mono<Page<AidTransfer>> search(AidTransferQuery query, PageRequest page);

  /** Every transfer matching {@code query}: for the totals a new transfer is checked against. */
  Flux<AidTransfer> all(AidTransferQuery query);
}
