package org.shanhai.payouts.village;

import java.util.Collection;

import org.shanhai.events.value.CountyCode;
import org.shanhai.web.paging.Page;
import org.shanhai.web.paging.PageRequest;
import org.shanhai.web.write.DuplicateKey;
import org.shanhai.web.write.Stored;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Where villages are kept, each with its income reports and its outbox. */
public interface VillageStore {

  /** Stores a new village; fails with {@link DuplicateKey} when the id exists. */
  Mono<Void> insert(Village village, String requestHash);

  Mono<Stored<Village>> find(String id);

  Flux<Village> findAll(Collection<String> ids);

  /** Stores a report and its event if the village is still at {@code expectedSequence}; false otherwise. */
  Mono<Boolean> apply(long expectedSequence, Village.Reported reported);

  Mono<Page<Village>> list(CountyCode county, PageRequest page);

  /** Every village of {@code county} (all counties when null), for summaries. */
  Flux<Village> inCounty(CountyCode county);
}
