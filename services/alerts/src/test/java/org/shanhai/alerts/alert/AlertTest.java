package org.shanhai.alerts.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.shanhai.alerts.rule.Check;
import org.shanhai.alerts.rule.Finding;
import org.shanhai.alerts.rule.RuleConfig;
import org.shanhai.alerts.rule.RuleId;
import org.shanhai.alerts.rule.Severity;
import org.shanhai.alerts.rule.Subject;
import org.shanhai.events.alerts.AlertAcknowledged;
import org.shanhai.events.alerts.AlertEscalated;
import org.shanhai.events.alerts.AlertFired;
import org.shanhai.events.alerts.AlertResolved;
import org.shanhai.events.value.CountyCode;
import org.shanhai.events.value.ProjectId;
import org.shanhai.web.validation.Conflict;
import org.shanhai.web.validation.InvalidInput;

class AlertTest {

  private static final Instant T0 = Instant.parse("2021-07-01T02:30:00Z");
  private static final Subject PROJECT = new Subject(Subject.Type.PROJECT, "project-cixi", CountyCode.of("330822"),
      CountyCode.of("330282"), "pairing", ProjectId.of("project-cixi"), "INDUSTRIAL_ENCLAVE");
  private static final Check SUSPENDED = new Check(RuleId.PROJECT_SUSPENDED, PROJECT,
      new Finding("常山—慈溪产业飞地 is SUSPENDED", Map.of("status", "SUSPENDED")));
  private static final RuleConfig NOW = RuleConfig.defaults(RuleId.PROJECT_SUSPENDED);

  private static RuleConfig withFor(Duration forDuration) {
    return NOW.change(new RuleConfig.Change(null, null, forDuration, null, null, null), "o", T0);
  }

  @Test
  void firesAtOnceWithoutAForDuration() {
    Alert.Changed opened = Alert.open(SUSPENDED, 1, NOW, T0, T0.minusSeconds(1));

    assertThat(opened.alert().state()).isEqualTo(AlertState.FIRING);
    assertThat(opened.alert().id()).isEqualTo(SUSPENDED.fingerprint() + ".1");
    assertThat(opened.events()).singleElement().isInstanceOfSatisfying(AlertFired.class, e -> {
      assertThat(e.sequence()).isEqualTo(1);
      assertThat(e.triggeredAt()).isEqualTo(T0.minusSeconds(1));
      assertThat(e.alert().rule()).isEqualTo("project-suspended");
    });
  }

  @Test
  void staysPendingUntilTheConditionHeldForItsDuration() {
    RuleConfig tenMinutes = withFor(Duration.ofMinutes(10));
    Alert pending = Alert.open(SUSPENDED, 1, tenMinutes, T0, T0).alert();
    assertThat(pending.state()).isEqualTo(AlertState.PENDING);

    assertThat(pending.stillHolds(SUSPENDED.finding(), tenMinutes, T0.plus(Duration.ofMinutes(9)))).isEmpty();
    Alert.Changed fired = pending.stillHolds(SUSPENDED.finding(), tenMinutes, T0.plus(Duration.ofMinutes(10)))
        .orElseThrow();
    assertThat(fired.alert().state()).isEqualTo(AlertState.FIRING);
    assertThat(fired.events()).singleElement().isInstanceOf(AlertFired.class);
  }

  @Test
  void aPendingAlertWhoseConditionClearsGoesWithoutAWord() {
    Alert pending = Alert.open(SUSPENDED, 1, withFor(Duration.ofMinutes(10)), T0, T0).alert();
    Alert.Changed cleared = pending.cleared(T0.plusSeconds(60)).orElseThrow();
    assertThat(cleared.gone()).isTrue();
    assertThat(cleared.events()).isEmpty();
  }

  @Test
  void escalatesOneLevelWhenNobodyAcknowledgesInTime() {
    Alert firing = Alert.open(SUSPENDED, 1, NOW, T0, T0).alert();
    assertThat(firing.stillHolds(SUSPENDED.finding(), NOW, T0.plus(Duration.ofHours(23)))).isEmpty();

    Alert.Changed escalated = firing.stillHolds(SUSPENDED.finding(), NOW, T0.plus(Duration.ofHours(24))).orElseThrow();
    assertThat(escalated.alert().severity()).isEqualTo(Severity.CRITICAL);
    assertThat(escalated.events()).singleElement().isInstanceOfSatisfying(AlertEscalated.class,
        e -> assertThat(e.fromSeverity()).isEqualTo("WARNING"));
    assertThat(escalated.alert().stillHolds(SUSPENDED.finding(), NOW, T0.plus(Duration.ofDays(30))))
        .as("CRITICAL is the top").isEmpty();
  }

  @Test
  void anAcknowledgedAlertDoesNotEscalate() {
    Alert acknowledged = Alert.open(SUSPENDED, 1, NOW, T0, T0).alert().acknowledge("officer", "在处理", T0).alert();
    assertThat(acknowledged.stillHolds(SUSPENDED.finding(), NOW, T0.plus(Duration.ofDays(3)))).isEmpty();
  }

  @Test
  void resolvesByItselfWhenTheConditionClears() {
    Alert firing = Alert.open(SUSPENDED, 1, NOW, T0, T0).alert();
    Alert.Changed resolved = firing.cleared(T0.plusSeconds(5)).orElseThrow();
    assertThat(resolved.alert().state()).isEqualTo(AlertState.RESOLVED);
    assertThat(resolved.events()).singleElement().isInstanceOfSatisfying(AlertResolved.class,
        e -> assertThat(e.resolution()).isEqualTo("AUTO"));
    assertThat(resolved.alert().cleared(T0.plusSeconds(6))).isEmpty();
  }

  @Test
  void aManualResolveWaitsForTheConditionToClearBeforeItCanFireAgain() {
    Alert resolved = Alert.open(SUSPENDED, 1, NOW, T0, T0).alert().resolve("officer", "已复工，等待下次报告", T0).alert();
    assertThat(resolved.awaitingClear()).isTrue();
    assertThat(resolved.resolution()).isEqualTo("MANUAL");

    Alert cleared = resolved.cleared(T0.plusSeconds(1)).orElseThrow().alert();
    assertThat(cleared.awaitingClear()).isFalse();
    assertThat(cleared.state()).isEqualTo(AlertState.RESOLVED);
  }

  @Test
  void acknowledgingTwiceChangesNothingAndAResolvedAlertCannotBeAcknowledged() {
    Alert.Changed acknowledged = Alert.open(SUSPENDED, 1, NOW, T0, T0).alert().acknowledge("officer", null, T0);
    assertThat(acknowledged.events()).singleElement().isInstanceOf(AlertAcknowledged.class);
    assertThat(acknowledged.alert().acknowledge("other", null, T0).events()).isEmpty();

    Alert resolved = acknowledged.alert().resolve("officer", "done", T0).alert();
    assertThatThrownBy(() -> resolved.acknowledge("officer", null, T0)).isInstanceOf(Conflict.class);
    assertThatThrownBy(() -> resolved.resolve("officer", "again", T0)).isInstanceOf(Conflict.class);
  }

  @Test
  void resolvingByHandNeedsANote() {
    Alert firing = Alert.open(SUSPENDED, 1, NOW, T0, T0).alert();
    assertThatThrownBy(() -> firing.resolve("officer", " ", T0)).isInstanceOf(InvalidInput.class);
  }

  @Test
  void newEvidenceIsRecordedWithoutAnEvent() {
    Alert firing = Alert.open(SUSPENDED, 1, NOW, T0, T0).alert();
    Alert.Changed changed = firing.stillHolds(new Finding("still suspended", Map.of("status", "SUSPENDED")), NOW,
        T0.plusSeconds(60)).orElseThrow();
    assertThat(changed.events()).isEmpty();
    assertThat(changed.alert().sequence()).isEqualTo(firing.sequence() + 1);
    assertThat(changed.alert().finding().summary()).isEqualTo("still suspended");
  }
}
