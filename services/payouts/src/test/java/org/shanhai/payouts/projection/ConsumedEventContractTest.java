package org.shanhai.payouts.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.shanhai.events.Event;
import org.shanhai.events.EventTypes;
import org.shanhai.events.projects.PairingEnded;
import org.shanhai.events.projects.PairingRegistered;
import org.shanhai.events.projects.ProjectEvent;
import org.shanhai.events.value.CountyCode;
import org.shanhai.events.value.ProjectId;
import org.shanhai.messaging.consumer.EventReader;
import org.shanhai.messaging.consumer.IncomingEvent;
import org.shanhai.testkit.CloudEventMessages;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every golden sample of a type this service consumes ({@code shanhai.projects.v1}) reads through the
 * event reader and folds into its view: a change to a producer's events that would break this
 * consumer fails the build here, not in production.
 */
class ConsumedEventContractTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final EventReader READER = new EventReader();

  static Stream<String> consumedTypes() {
    return EventTypes.of(ProjectEvent.class).stream().sorted();
  }

  @ParameterizedTest
  @MethodSource("consumedTypes")
  void everyGoldenSampleFoldsIntoItsView(String type) {
    ProjectEvent event = (ProjectEvent) read(type).event();

    if (event instanceof PairingRegistered registered) {
      assertThat(PairingView.fold(null, event)).isEqualTo(new PairingView("pairing-changshan-cixi",
          CountyCode.of("330822"), CountyCode.of("330282"), 2011, null));
    } else if (event instanceof PairingEnded) {
      assertThat(PairingView.fold(null, event)).isEqualTo(new PairingView("pairing-kecheng-yuhang",
          CountyCode.of("330802"), CountyCode.of("330110"), 2019, 2020));
    } else {
      ProjectView view = ProjectView.fold(null, event);
      assertThat(view.projectId()).isEqualTo(ProjectId.of("project-cixi-enclave"));
      assertThat(view.mountainCounty()).isEqualTo(CountyCode.of("330822"));
      assertThat(view.kind()).isEqualTo("INDUSTRIAL_ENCLAVE");
      assertThat(view.takesShareholdings()).isTrue();
      assertThat(view.status()).isNotBlank();
    }
  }

  /** The sample as the binder would hand it over, read as every consumer reads. */
  static IncomingEvent read(String type) {
    String sample = EventTypes.sample(type);
    Event parsed = JSON.readValue(sample, EventTypes.recordOf(type).orElseThrow());
    return READER.read(CloudEventMessages.of(type, parsed.aggregateId(), parsed.sequence(), sample)).orElseThrow();
  }
}
