package org.shanhai.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.shanhai.events.alerts.Alert;
import org.shanhai.events.alerts.AlertAcknowledged;
import org.shanhai.events.alerts.AlertEscalated;
import org.shanhai.events.alerts.AlertFired;
import org.shanhai.events.alerts.AlertResolved;
import org.shanhai.events.projects.InvestmentPlanPoint;
import org.shanhai.events.payouts.AidTransferred;
import org.shanhai.events.payouts.Payout;
import org.shanhai.events.payouts.PayoutDisbursed;
import org.shanhai.events.payouts.PayoutDue;
import org.shanhai.events.payouts.PayoutOverdue;
import org.shanhai.events.payouts.PayoutScheduled;
import org.shanhai.events.payouts.ShareholdingRegistered;
import org.shanhai.events.payouts.VillageIncomeReported;
import org.shanhai.events.projects.PairingEnded;
import org.shanhai.events.projects.PairingRegistered;
import org.shanhai.events.projects.ProgressReported;
import org.shanhai.events.projects.ProjectRegistered;
import org.shanhai.events.projects.ProjectStatusChanged;
import org.shanhai.events.value.CountyCode;
import org.shanhai.events.value.Money;
import org.shanhai.events.value.ProjectId;
import org.shanhai.testkit.EventSchemas;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every event type: a real record serialised as the services serialise it is valid against its
 * schema and equal to its golden sample, so a change to a record that would break consumers fails here.
 */
class EventContractsTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Instant AT = Instant.parse("2021-07-01T02:30:00Z");

  private static final ProjectId ENCLAVE = ProjectId.of("project-cixi-enclave");
  private static final CountyCode CHANGSHAN = CountyCode.of("330822");
  private static final CountyCode CIXI = CountyCode.of("330282");
  private static final Payout PAYOUT = new Payout("shareholding-changshan-94-2021", "shareholding-changshan-94",
      ENCLAVE, "pairing-changshan-cixi", CHANGSHAN, CIXI, 2021, LocalDate.parse("2021-12-31"),
      Money.of("9300000.00"), 94);

  private static Alert alert(String severity, String state) {
    LinkedHashMap<String, String> evidence = new LinkedHashMap<>();
    evidence.put("status", "SUSPENDED");
    evidence.put("since", "2021-07-01");
    return new Alert("6f1c0a3e9b2d4c5e8f7a6b5c4d3e2f10.1", "6f1c0a3e9b2d4c5e8f7a6b5c4d3e2f10", "project-suspended",
        severity, state, "PROJECT", "project-cixi-enclave", CHANGSHAN, CIXI, "pairing-changshan-cixi",
        ENCLAVE, "INDUSTRIAL_ENCLAVE", "常山—慈溪产业飞地 is SUSPENDED", evidence, AT, AT);
  }

  static Stream<Event> events() {
    return Stream.of(
        new PairingRegistered("pairing-changshan-cixi", 1, CHANGSHAN, CIXI, 2011, null, "officer.changshan", AT),
        new PairingEnded("pairing-kecheng-yuhang", 2, CountyCode.of("330802"), CountyCode.of("330110"), 2019, 2020,
            "officer.kecheng", AT),
        new ProjectRegistered(ENCLAVE, 1, "pairing-changshan-cixi", CHANGSHAN, CIXI,
            "常山—慈溪产业飞地", "INDUSTRIAL_ENCLAVE", CIXI, Money.of("93000000.00"),
            List.of(new InvestmentPlanPoint(LocalDate.parse("2021-12-31"), Money.of("50000000.00"))),
            LocalDate.parse("2020-06-01"), LocalDate.parse("2022-12-31"), null, "PLANNED", "officer.changshan", AT),
        new ProgressReported(ENCLAVE, 2, "update-1", "pairing-changshan-cixi", CHANGSHAN, CIXI,
            "INDUSTRIAL_ENCLAVE", LocalDate.parse("2021-06-30"), "UNDER_CONSTRUCTION", Money.of("93000000.00"),
            Money.of("30000000.00"), Money.of("35000000.00"), 120, "厂房主体施工",
            List.of(new Warning("large-increment", "cumulativeInvestment",
                "this report adds 30000000.00, more than half of the planned investment")),
            "officer.changshan", AT),
        new ProjectStatusChanged(ENCLAVE, 3, "pairing-changshan-cixi", CHANGSHAN, CIXI,
            "INDUSTRIAL_ENCLAVE", "PLANNED", "UNDER_CONSTRUCTION", LocalDate.parse("2021-06-30"), "officer.changshan", AT),
        new ShareholdingRegistered("shareholding-changshan-94", 1, ENCLAVE, "pairing-changshan-cixi",
            CHANGSHAN, CIXI, "常山94村", 94, List.of("village-jubao"), Money.of("93000000.00"),
            "GUARANTEED_MINIMUM", new BigDecimal("0.10"), null, "12-31", 2020, 2029, "officer.changshan", AT),
        new PayoutScheduled(2, PAYOUT, AT),
        new PayoutDue(13, PAYOUT, Money.of("0.00"), AT),
        new PayoutDisbursed(14, PAYOUT, "disbursement-1", Money.of("9300000.00"), LocalDate.parse("2021-12-30"),
            "慈溪高新区拨付", Money.of("9300000.00"), "PAID", "officer.cixi", AT),
        new PayoutOverdue(15, PAYOUT, Money.of("3000000.00"), Money.of("6300000.00"), 30, AT),
        new AidTransferred("aid-cixi-jubao", 1, "pairing-changshan-cixi", CIXI, CHANGSHAN, null, "village-jubao",
            "DISBURSEMENT", Money.of("100000.00"), LocalDate.parse("2020-12-31"), "莲子酒销售平台",
            List.of(new Warning("beyond-commitment", "amount", "disbursed 100000.00 beyond the 0.00 committed")),
            "officer.cixi", AT),
        new VillageIncomeReported("village-jubao", 1, "聚宝村", CHANGSHAN, 2020, Money.of("95000.00"),
            Money.of("100000.00"), true, "officer.changshan", AT),
        new AlertFired(1, alert("WARNING", "FIRING"), AT, AT),
        new AlertEscalated(2, alert("CRITICAL", "FIRING"), "WARNING", AT),
        new AlertAcknowledged(3, alert("CRITICAL", "ACKNOWLEDGED"), "officer.changshan", "已联系园区", AT),
        new AlertResolved(4, alert("CRITICAL", "RESOLVED"), "AUTO", null, null, AT));
  }

  @ParameterizedTest
  @MethodSource("events")
  void serialisedEventIsValidAgainstItsSchema(Event event) {
    String body = JSON.writeValueAsString(event);

    assertThat(EventSchemas.violations(event.type(), body)).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("events")
  void serialisedEventMatchesItsGoldenSample(Event event) throws IOException {
    JsonNode golden = JSON.readTree(sample(event.type()));

    assertThat(JSON.readTree(JSON.writeValueAsString(event))).isEqualTo(golden);
    assertThat(JSON.readValue(sample(event.type()), event.getClass())).isEqualTo(event);
  }

  @Test
  void everyTypeHasARecordASchemaAndASampleAndEveryRecordIsTested() throws IOException {
    assertThat(events().map(Event::type)).containsExactlyInAnyOrderElementsOf(EventTypes.all());
    for (String type : EventTypes.all()) {
      assertThat(EventTypes.typeOf(EventTypes.recordOf(type).orElseThrow())).isEqualTo(type);
      assertThat(EventSchemas.violations(type, sample(type))).as(type + "'s sample against its schema").isEmpty();
    }
  }

  @Test
  void aProjectRegisteredWithoutPlannedInvestmentIsValid() {
    String body = """
        {"projectId":"p","sequence":1,"pairingId":"x","mountainCounty":"330822","partnerCounty":"330282",
         "name":"常山—慈溪科创飞地","kind":"SCI_TECH_ENCLAVE","hostCounty":"330822","plannedInvestment":null,
         "investmentPlan":[],"plannedStart":null,"plannedCompletion":null,"enclaveId":null,"status":"PLANNED",
         "registeredBy":"a","registeredAt":"2021-07-01T02:30:00Z"}""";

    assertThat(EventSchemas.violations(ProjectRegistered.TYPE, body)).isEmpty();
  }

  @Test
  void schemaRejectsAmountsAsBinaryNumbers() {
    String body = """
        {"projectId":"p","sequence":2,"updateId":"u","pairingId":"x","mountainCounty":"330822",
         "partnerCounty":"330282","kind":"INDUSTRIAL_ENCLAVE","reportDate":"2021-06-30","status":"SIGNED",
         "plannedInvestment":93000000.0,"warnings":[],"submittedBy":"a","submittedAt":"2021-07-01T02:30:00Z"}""";

    assertThat(EventSchemas.violations(ProgressReported.TYPE, body)).isNotEmpty();
  }

  @Test
  void schemaRejectsUnknownStatusAndMissingSequence() {
    String body = """
        {"projectId":"p","pairingId":"x","mountainCounty":"330822","partnerCounty":"330282",
         "kind":"INDUSTRIAL_ENCLAVE","from":"PLANNED","to":"FINISHED","effectiveDate":"2021-06-30",
         "changedBy":"a","changedAt":"2021-07-01T02:30:00Z"}""";

    assertThat(EventSchemas.violations(ProjectStatusChanged.TYPE, body)).hasSizeGreaterThanOrEqualTo(2);
  }

  private static String sample(String type) {
    return EventTypes.sample(type);
  }
}
