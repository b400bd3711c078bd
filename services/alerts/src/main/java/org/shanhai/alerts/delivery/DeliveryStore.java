package org.shanhai.alerts.delivery;

import java.time.Instant;

import org.shanhai.web.paging.Page;
import org.shanhai.web.paging.PageRequest;
import reactor.core.publisher.Mono;

/** Where deliveries are kept: their state lives here, so a restart loses and repeats nothing beyond a retried attempt. */
public interface DeliveryStore {

  /** What became of adding an item to a group. */
  enum Added {
    ADDED,
    /** A redelivered event: the group has the item already. */
    ALREADY_THERE,
    /** The group was sent already; the item needs a delivery of its own. */
    CLOSED
  }

  /** Adds {@code item} to the pending group delivery {@code id}, creating it (to be sent at {@code sendAt}) if needed. */
  Mono<Added> addToGroup(String id, String subscriptionId, Delivery.Item item, Instant now, Instant sendAt);

  /** Stores a delivery unless one with its id exists; false when it did (a redelivered event). */
  Mono<Boolean> insert(Delivery delivery);

  /** Leases one pending delivery whose time has come, or empty. */
  Mono<Delivery> claim(Instant now, Instant leaseUntil, String owner);

  /** Records an attempt's outcome and gives the lease back, if {@code owner} still holds it. */
  Mono<Boolean> record(Delivery delivery, String owner);

  /** A page of a subscription's deliveries (those in {@code status}, any when null), newest first. */
  Mono<Page<Delivery>> ofSubscription(String subscriptionId, Delivery.Status status, PageRequest page);

  /** Makes the failed deliveries created since {@code since} pending again, with a fresh retry budget; returns how many. */
  Mono<Long> recover(String subscriptionId, Instant since, Instant now);
}
