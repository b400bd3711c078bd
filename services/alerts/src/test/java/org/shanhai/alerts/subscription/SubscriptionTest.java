package org.shanhai.alerts.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.shanhai.alerts.matcher.Matchers;
import org.shanhai.alerts.rule.Severity;
import org.shanhai.events.alerts.Alert;
import org.shanhai.events.value.CountyCode;
import org.shanhai.events.value.ProjectId;
import org.shanhai.web.validation.InvalidInput;

class SubscriptionTest {

  private static final Instant T0 = Instant.parse("2021-07-01T02:30:00Z");
  private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

  private static Subscription.Order webhook(String secret, Duration window) {
    return new Subscription.Order("常山县发改局",
        new Matchers.Selection(List.of("330822"), null, null, null, null, null, null, Severity.WARNING), null, window,
        new Subscription.ChannelOrder(Subscription.ChannelType.WEBHOOK, "https://hooks.example/shanhai", secret));
  }

  @Test
  void aWebhookSubscriptionDefaultsToResolvedNoticesAndAThirtySecondWindow() {
    Subscription s = Subscription.create("s1", webhook(SECRET, null), null, "officer", T0).subscription();
    assertThat(s.sendResolved()).isTrue();
    assertThat(s.groupWindow()).isEqualTo(Duration.ofSeconds(30));
    assertThat(s.channel().signingSecrets(T0)).containsExactly(SECRET);
  }

  @Test
  void aSecretIsMadeUpWhenNoneIsGiven() {
    Subscription.Created created = Subscription.create("s1", webhook(null, null), null, "officer", T0);
    assertThat(created.generatedSecret()).startsWith("whsec_");
    assertThat(Subscription.key(created.generatedSecret())).hasSize(32);
  }

  @Test
  void refusesMalformedSecretsRefusedUrlsAndWindowsTooLong() {
    assertThatThrownBy(() -> Subscription.create("s1", webhook("secret", Duration.ofHours(2)),
        "the host is a loopback address", "officer", T0))
        .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.violations())
            .extracting(v -> v.field()).containsExactlyInAnyOrder("channel.secret", "channel.url", "groupWindow"));
  }

  @Test
  void rotationKeepsTheOldSecretSigningForTheOverlap() {
    Subscription s = Subscription.create("s1", webhook(SECRET, null), null, "officer", T0).subscription();
    Subscription.Created rotated = s.rotate(new Subscription.Rotation(null, Duration.ofHours(1)), T0);
    Subscription r = rotated.subscription();

    assertThat(r.channel().signingSecrets(T0.plusSeconds(60))).containsExactly(rotated.generatedSecret(), SECRET);
    assertThat(r.channel().signingSecrets(T0.plus(Duration.ofHours(2)))).containsExactly(rotated.generatedSecret());
  }

  @Test
  void matchersMatchEveryLabelGivenAndTheMinimumSeverity() {
    Matchers m = Subscription.create("s1", webhook(SECRET, null), null, "officer", T0).subscription().matchers();
    assertThat(m.matches(alert("330822", "WARNING"))).isTrue();
    assertThat(m.matches(alert("330822", "CRITICAL"))).isTrue();
    assertThat(m.matches(alert("330822", "INFO"))).isFalse();
    assertThat(m.matches(alert("330803", "CRITICAL"))).isFalse();
  }

  private static Alert alert(String county, String severity) {
    return new Alert("a.1", "a", "project-stalled", severity, "FIRING", "PROJECT", "p", CountyCode.of(county),
        CountyCode.of("330282"), "pairing", ProjectId.of("p"), "INDUSTRIAL_ENCLAVE", "stalled", java.util.Map.of(), T0,
        T0);
  }
}
