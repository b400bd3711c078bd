package org.shanhai.messaging.rebuild;

import java.util.List;
import java.util.function.Function;

import org.shanhai.events.Event;
import reactor.core.publisher.Mono;

/**
 * What a service's views are made of, so that they can be rebuilt from the topics: the consumer
 * group and its bindings that keep them, the topics they fold, their collections, and the fold
 * itself written into collections of another name.
 *
 * @param foldInto given a suffix, the function that folds one event into views stored in the
 *     collections named {@code <collection><suffix>} (true when it changed one)
 */
public record ViewsPlan(String group, List<String> bindings, List<String> topics, List<String> collections,
    Function<String, Function<Event, Mono<Boolean>>> foldInto) {

  public ViewsPlan {
    bindings = List.copyOf(bindings);
    topics = List.copyOf(topics);
    collections = List.copyOf(collections);
  }
}
