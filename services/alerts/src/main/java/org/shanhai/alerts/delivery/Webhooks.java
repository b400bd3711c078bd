package org.shanhai.alerts.delivery;

import org.shanhai.alerts.subscription.Subscription;
import reactor.core.publisher.Mono;

/** Where a delivery goes out: one signed attempt at the subscription's webhook. */
public interface Webhooks {

  /** One attempt; never fails: a refusal, a timeout or a broken connection is a response with status 0. */
  Mono<Delivery.Response> send(Delivery delivery, Subscription subscription);
}
