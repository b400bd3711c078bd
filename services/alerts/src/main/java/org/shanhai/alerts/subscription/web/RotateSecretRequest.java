package org.shanhai.alerts.subscription.web;

import java.time.Duration;

import org.shanhai.alerts.subscription.Subscription;

/** {@code POST /api/v1/subscriptions/{id}/secrets}: the new secret (generated when not given) and how long the old one keeps signing. */
record RotateSecretRequest(String secret, Duration previousValidFor) {

  Subscription.Rotation toCommand() {
    return new Subscription.Rotation(secret, previousValidFor);
  }
}
