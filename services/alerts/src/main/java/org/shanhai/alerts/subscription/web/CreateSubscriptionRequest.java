package org.shanhai.alerts.subscription.web;

import java.time.Duration;

import org.shanhai.alerts.matcher.web.MatchersRequest;
import org.shanhai.alerts.subscription.Subscription;

/**
 * {@code POST /api/v1/subscriptions}: which alerts, whether resolved notices are wanted, a grouping
 * window, and a channel: a webhook (its secret generated when not given) or Server-Sent Events.
 */
record CreateSubscriptionRequest(String name, MatchersRequest matchers, Boolean sendResolved, Duration groupWindow,
    ChannelRequest channel) {

  record ChannelRequest(Subscription.ChannelType type, String url, String secret) {
  }

  Subscription.Order toCommand() {
    return new Subscription.Order(name, matchers == null ? null : matchers.toSelection(), sendResolved, groupWindow,
        channel == null ? null : new Subscription.ChannelOrder(channel.type(), channel.url(), channel.secret()));
  }
}
