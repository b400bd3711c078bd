package org.shanhai.events.payouts;

/**
 * A fact about one payout of a shareholding. Its sequence is the shareholding's (one shareholding
 * publishes all its payouts' facts in one order); its key is the project, like every fact about it.
 */
public sealed interface PayoutEvent extends PayoutsEvent
    permits PayoutScheduled, PayoutDue, PayoutDisbursed, PayoutOverdue {

  Payout payout();

  @Override
  default String aggregateId() {
    return payout().shareholdingId();
  }

  @Override
  default String key() {
    return payout().projectId().value();
  }
}
