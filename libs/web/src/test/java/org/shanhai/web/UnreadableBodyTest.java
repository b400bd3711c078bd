package org.shanhai.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.shanhai.web.validation.Violation;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** A body Jackson cannot read is answered with the field and, for the types our requests take, what the field takes. */
class UnreadableBodyTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  record Report(LocalDate reportDate, BigDecimal fundsInPlace, Integer jobsCreated, Instant startsAt,
      Duration groupWindow, Boolean enabled, String comment, List<Report> earlier, UUID id) {
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      {"reportDate":"x"}                 | reportDate        | reportDate must be a date written as yyyy-MM-dd, such as 2026-12-04
      {"reportDate":"2026-13-01"}        | reportDate        | reportDate must be a date written as yyyy-MM-dd, such as 2026-12-04
      {"reportDate":{}}                  | reportDate        | reportDate must be a date written as yyyy-MM-dd, such as 2026-12-04
      {"fundsInPlace":"一百万"}           | fundsInPlace      | fundsInPlace must be a number, such as 1250.50
      {"jobsCreated":"many"}             | jobsCreated       | jobsCreated must be a whole number, such as 12
      {"startsAt":"tomorrow"}            | startsAt          | startsAt must be a time written as ISO 8601, such as 2026-12-04T01:30:00Z
      {"groupWindow":"soon"}             | groupWindow       | groupWindow must be a duration written as ISO 8601, such as PT5M for five minutes
      {"enabled":"maybe"}                | enabled           | enabled must be true or false
      {"comment":{"a":1}}                | comment           | comment must be text in double quotes
      {"earlier":[{"reportDate":"x"}]}   | earlier[0].reportDate | earlier[0].reportDate must be a date written as yyyy-MM-dd, such as 2026-12-04
      """)
  void aValueOfTheWrongShapeSaysWhatTheFieldTakes(String body, String field, String message) {
    Violation violation = ProblemHandler.unreadable(unreadable(body));

    assertThat(violation).isEqualTo(new Violation(field, "wrong-type", message));
  }

  @Test
  void aTypeWithoutItsOwnWordsKeepsJacksonsFirstLine() {
    Violation violation = ProblemHandler.unreadable(unreadable("{\"id\":\"not-a-uuid\"}"));

    assertThat(violation.field()).isEqualTo("id");
    assertThat(violation.code()).isEqualTo("wrong-type");
    assertThat(violation.message()).startsWith("id has the wrong type or format: ").doesNotContain("\n");
  }

  private static JacksonException unreadable(String body) {
    JacksonException e = catchThrowableOfType(JacksonException.class, () -> JSON.readValue(body, Report.class));
    assertThat(e).as("Jackson refuses %s", body).isNotNull();
    return e;
  }
}
