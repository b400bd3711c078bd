package org.shanhai.events;

/**
 * What every published fact has: its CloudEvents type, the aggregate it belongs to (the
 * CloudEvents subject) with that aggregate's sequence, and the Kafka record key.
 */
public interface Event {

  /** The CloudEvents {@code type}, e.g. {@code shanhai.project.registered.v1}: each record's {@code TYPE}. */
  default String type() {
    return EventTypes.typeOf(getClass());
  }

  /** The aggregate the event belongs to; the CloudEvents {@code subject}. */
  String aggregateId();

  /** Increases by one per event of the aggregate: consumers drop duplicates and stale deliveries with it. */
  long sequence();

  /** The Kafka record key: the project id wherever there is one, so a project's facts stay in order. */
  default String key() {
    return aggregateId();
  }
}
