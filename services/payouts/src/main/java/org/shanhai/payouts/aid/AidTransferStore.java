package org.shanhai.payouts.aid;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Where aid transfers are kept, each with its outbox. */
public interface AidTransferStore {

  /** Stores a transfer with its event; errors with {@link DuplicateTransfer} when the id exists. */
  Mono<Void> insert(AidTransfer transfer, String requestHash);

  Mono<StoredTransfer> find(String id);

  /** Transfers matching the filters (each null when not asked for), oldest first. */
  Flux<AidTransfer> search(String pairingId, String county, String projectId, String villageId,
      AidTransfer.TransactionType type);

  record StoredTransfer(AidTransfer transfer, String requestHash) {
  }

  final class DuplicateTransfer extends RuntimeException {
    public DuplicateTransfer(Throwable cause) {
      super(cause.getMessage(), cause);
    }
  }
}
