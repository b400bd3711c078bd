package org.shanhai.alerts.projection.store;

import java.math.BigDecimal;

import org.shanhai.messaging.consumer.IncomingEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reading the fields of an event's JSON data; anything missing or malformed makes the event poison. */
final class Events {

  private Events() {
  }

  static JsonNode data(JsonMapper json, IncomingEvent event) {
    try {
      return json.readTree(event.data());
    } catch (RuntimeException e) {
      throw new IncomingEvent.PoisonEvent("the data of " + event.type() + " " + event.id() + " is not JSON");
    }
  }

  static JsonNode required(JsonNode data, String field) {
    JsonNode value = data.path(field);
    if (value.isMissingNode() || value.isNull()) {
      throw new IncomingEvent.PoisonEvent("the event has no " + field);
    }
    return value;
  }

  static BigDecimal money(JsonNode data, String field) {
    try {
      return new BigDecimal(required(data, field).asText()).setScale(2);
    } catch (NumberFormatException | ArithmeticException e) {
      throw new IncomingEvent.PoisonEvent(field + " is not an amount in yuan");
    }
  }
}
