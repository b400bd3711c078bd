package org.shanhai.alerts.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.shanhai.alerts.matcher.Matchers;
import org.shanhai.events.Event;
import org.shanhai.events.EventTypes;
import org.shanhai.events.alerts.AlertEvent;
import org.shanhai.events.payouts.AidTransferred;
import org.shanhai.events.payouts.PayoutEvent;
import org.shanhai.events.payouts.PayoutsEvent;
import org.shanhai.events.payouts.ShareholdingRegistered;
import org.shanhai.events.payouts.VillageIncomeReported;
import org.shanhai.events.projects.PairingEnded;
import org.shanhai.events.projects.PairingRegistered;
import org.shanhai.events.projects.ProjectEvent;
import org.shanhai.events.value.CountyCode;
import org.shanhai.events.value.Money;
import org.shanhai.messaging.consumer.EventReader;
import org.shanhai.testkit.CloudEventMessages;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every golden sample of a type this service consumes (the projects and payouts topics for its
 * rules, its own alerts topic for delivery) reads through the event reader and is taken in: the
 * facts fold into the views the rules look at, the alert events are matched for delivery. A change
 * to a producer's events that would break this consumer fails the build here.
 */
class ConsumedEventContractTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final EventReader READER = new EventReader();
  private static final ZoneId ZHEJIANG = ZoneId.of("Asia/Shanghai");
  /** What the rules do not look at: pairings, shareholdings (their payouts are), aid. */
  private static final Set<Class<?>> NOT_FOR_THE_RULES = Set.of(PairingRegistered.class, PairingEnded.class,
      ShareholdingRegistered.class, AidTransferred.class);

  static Stream<String> facts() {
    return Stream.concat(EventTypes.of(ProjectEvent.class).stream(), EventTypes.of(PayoutsEvent.class).stream())
        .sorted();
  }

  static Stream<String> alertEvents() {
    return EventTypes.of(AlertEvent.class).stream().sorted();
  }

  @ParameterizedTest
  @MethodSource("facts")
  void everyFactsGoldenSampleFoldsIntoTheViewOfItsSubject(String type) {
    Event event = read(type);
    if (NOT_FOR_THE_RULES.contains(event.getClass())) {
      assertThat(Touched.by(event)).isEmpty();
      return;
    }
    Touched touched = Touched.by(event).orElseThrow();
    switch (touched.kind()) {
      case PROJECT -> {
        ProjectView view = ProjectView.fold(null, (ProjectEvent) event, ZHEJIANG);
        assertThat(view.projectId().value()).isEqualTo(touched.id());
        assertThat(view.mountainCounty()).isEqualTo(CountyCode.of("330822"));
        assertThat(view.kind()).isEqualTo("INDUSTRIAL_ENCLAVE");
      }
      case PAYOUT -> {
        PayoutView view = PayoutView.fold((PayoutEvent) event);
        assertThat(view.payoutId()).isEqualTo(touched.id());
        assertThat(view.guaranteedAmount()).isEqualTo(Money.of("9300000.00"));
        assertThat(view.status()).isIn("SCHEDULED", "DUE", "PARTIALLY_PAID", "PAID", "OVERDUE");
      }
      case VILLAGE -> {
        VillageView view = VillageView.fold(null, (VillageIncomeReported) event);
        assertThat(view.latestYear()).isEqualTo(2020);
        assertThat(view.latestIncome()).isEqualTo(Money.of("95000.00"));
      }
    }
  }

  @ParameterizedTest
  @MethodSource("alertEvents")
  void everyAlertEventsGoldenSampleIsMatchedForDelivery(String type) {
    AlertEvent event = (AlertEvent) read(type);

    assertThat(Matchers.ANY.matches(event.alert())).isTrue();
    assertThat(new Matchers(List.of("330822"), List.of(), List.of(), List.of(), List.of(),
        List.of(), List.of("project-suspended"), null).matches(event.alert())).isTrue();
  }

  private static Event read(String type) {
    String sample = EventTypes.sample(type);
    Event parsed = JSON.readValue(sample, EventTypes.recordOf(type).orElseThrow());
    return READER.read(CloudEventMessages.of(type, parsed.aggregateId(), parsed.sequence(), sample)).orElseThrow()
        .event();
  }
}
