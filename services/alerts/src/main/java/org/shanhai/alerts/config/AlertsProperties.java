package org.shanhai.alerts.config;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code shanhai.alerts.*}.
 *
 * @param delivery how webhooks are sent and retried
 * @param webhooks which webhook addresses are accepted
 */
@Validated
@ConfigurationProperties("shanhai.alerts")
public record AlertsProperties(
    @DefaultValue @Valid Delivery delivery,
    @DefaultValue @Valid Webhooks webhooks) {

  /**
   * @param pollInterval how often the worker looks for deliveries that are due
   * @param lease how long one instance holds a delivery while sending it; another takes over after
   * @param firstRetry the delay before the second attempt; each later one doubles it (with jitter)
   * @param maxRetryDelay no delay grows beyond this, nor does a receiver's {@code Retry-After} push past it
   * @param maxAttempts attempts before a delivery is given up as failed (it can still be recovered)
   * @param jitter the fraction by which each delay is spread at random, so receivers are not hit in lockstep
   */
  public record Delivery(
      @DefaultValue("PT0.2S") @NotNull Duration pollInterval,
      @DefaultValue("PT1M") @NotNull Duration lease,
      @DefaultValue("PT2S") @NotNull Duration connectTimeout,
      @DefaultValue("PT10S") @NotNull Duration responseTimeout,
      @DefaultValue("PT5S") @NotNull Duration firstRetry,
      @DefaultValue("PT10H") @NotNull Duration maxRetryDelay,
      @DefaultValue("10") @Min(1) @Max(50) int maxAttempts,
      @DefaultValue("0.2") @DecimalMin("0.0") @DecimalMax("1.0") double jitter) {
  }

  /**
   * @param allowedHosts host names or CIDR ranges a webhook may use although they are private or loopback
   * @param secretKey the key the signing secrets are encrypted with at rest (AES-256-GCM, the key derived
   *     with PBKDF2 from this and {@code secretSalt}); keep it in the deployment's secrets, never in the image
   * @param secretSalt hex, 16 characters or more
   */
  public record Webhooks(@DefaultValue List<String> allowedHosts,
      @NotBlank(message = "set shanhai.alerts.webhooks.secret-key (SHANHAI_ALERTS_WEBHOOKS_SECRET_KEY): the key "
          + "webhook signing secrets are encrypted with") @Size(min = 32) String secretKey,
      @NotBlank @Pattern(regexp = "([0-9a-fA-F]{2}){8,}") String secretSalt) {
  }
}
