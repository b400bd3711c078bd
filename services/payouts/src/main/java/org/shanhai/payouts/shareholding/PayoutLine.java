package org.shanhai.payouts.shareholding;

/** A payout with the shareholding it belongs to. */
public record PayoutLine(Shareholding shareholding, Payout payout) {

  public String id() {
    return Shareholding.payoutId(shareholding.id(), payout.year());
  }
}
