package org.shanhai.messaging.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.shanhai.events.projects.ProgressReported;
import org.shanhai.events.value.Money;
import org.shanhai.events.value.ProjectId;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

class EventReaderTest {

  private static final String DATA = """
      {"projectId":"project-cixi-enclave","sequence":2,"updateId":"u1","pairingId":"pairing-changshan-cixi",
       "mountainCounty":"330822","partnerCounty":"330282","kind":"INDUSTRIAL_ENCLAVE","reportDate":"2021-06-30",
       "status":"UNDER_CONSTRUCTION","plannedInvestment":"93000000.00","cumulativeInvestment":"30000000.00",
       "fundsInPlace":null,"jobsCreated":null,"note":null,"warnings":[],"submittedBy":"officer.changshan",
       "submittedAt":"2021-07-01T02:30:00Z","addedInALaterVersion":{"anything":[1,2]}}""";

  private final EventReader reader = new EventReader();

  @Test
  void readsTheDataAsItsRecordIgnoringFieldsItDoesNotKnow() {
    IncomingEvent event = reader.read(message(ProgressReported.TYPE, "project-cixi-enclave", "2", DATA)).orElseThrow();

    assertThat(event.event()).isInstanceOfSatisfying(ProgressReported.class, reported -> {
      assertThat(reported.projectId()).isEqualTo(ProjectId.of("project-cixi-enclave"));
      assertThat(reported.cumulativeInvestment()).isEqualTo(Money.of("30000000.00"));
    });
    assertThat(event.time()).isEqualTo(Instant.parse("2021-07-01T02:30:05Z"));
    assertThat(event.data()).isEqualTo(DATA);
  }

  @Test
  void passesOverATypeItDoesNotKnow() {
    assertThat(reader.read(message("shanhai.project.renamed.v2", "p", "3", "{}"))).isEmpty();
  }

  @Test
  void refusesAnEventWithoutItsAttributesOrWhoseDataDisagreesWithThem() {
    Message<byte[]> noSubject = MessageBuilder.withPayload(DATA.getBytes(StandardCharsets.UTF_8))
        .setHeader("ce_id", "e1").setHeader("ce_type", ProgressReported.TYPE).setHeader("ce_sequence", "2").build();

    assertThatThrownBy(() -> reader.read(noSubject)).isInstanceOf(PoisonEvent.class).hasMessageContaining("ce_subject");
    assertThatThrownBy(() -> reader.read(message(ProgressReported.TYPE, "project-cixi-enclave", "two", DATA)))
        .isInstanceOf(PoisonEvent.class).hasMessageContaining("ce_sequence");
    assertThatThrownBy(() -> reader.read(message(ProgressReported.TYPE, "another-project", "2", DATA)))
        .isInstanceOf(PoisonEvent.class).hasMessageContaining("another-project");
    assertThatThrownBy(() -> reader.read(message(ProgressReported.TYPE, "project-cixi-enclave", "2", "[not json")))
        .isInstanceOf(PoisonEvent.class).hasMessageContaining("does not read as ProgressReported");
    assertThatThrownBy(() -> reader.read(message(ProgressReported.TYPE, "project-cixi-enclave", "2",
        DATA.replace("\"30000000.00\"", "\"thirty million\"")))).isInstanceOf(PoisonEvent.class);
  }

  private static Message<byte[]> message(String type, String subject, String sequence, String data) {
    Map<String, Object> headers = new LinkedHashMap<>();
    headers.put("ce_id", "e1");
    headers.put("ce_type", type.getBytes(StandardCharsets.UTF_8));
    headers.put("ce_subject", subject);
    headers.put("ce_sequence", sequence.getBytes(StandardCharsets.UTF_8));
    headers.put("ce_time", "2021-07-01T02:30:05Z");
    return MessageBuilder.withPayload(data.getBytes(StandardCharsets.UTF_8)).copyHeaders(headers).build();
  }
}
