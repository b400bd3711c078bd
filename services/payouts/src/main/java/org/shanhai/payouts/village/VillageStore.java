package org.shanhai.payouts.village;

import java.util.Collection;

import org.shanhai.web.paging.Page;
import org.shanhai.web.paging.PageRequest;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Where villages are kept, each with its income reports and its outbox. */
public interface VillageStore {

  /** Stores a new village; errors with {@link DuplicateVillage} when the id exists. */
  Mono<Void> insert(Village village, String requestHash);

  Mono<StoredVillage> find(String id);

  Flux<Village> findAll(Collection<String> ids);

  /** Stores a report and its event if the village is still at {@code expectedSequence}; false otherwise. */
  Mono<Boolean> apply(long expectedSequence, Village.Reported reported);

  Mono<Page<Village>> list(String county, PageRequest page);

  /** Every village of {@code county} (all counties when null), for summaries. */
  Flux<Village> inCounty(String county);

  record StoredVillage(Village village, String requestHash) {
  }

  final class DuplicateVillage extends RuntimeException {
    public DuplicateVillage(Throwable cause) {
      super(cause.getMessage(), cause);
    }
  }
}
