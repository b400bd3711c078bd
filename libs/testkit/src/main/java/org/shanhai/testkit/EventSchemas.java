package org.shanhai.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/** Validates event bodies against the JSON Schemas shipped in shanhai-events ({@code org/shanhai/events/schemas/<type>.json}). */
public final class EventSchemas {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

  private EventSchemas() {
  }

  /** The schema violations of {@code body} as the data of a CloudEvent of {@code type}; empty when valid. */
  public static Set<String> violations(String type, String body) {
    JsonSchema schema = schemaOf(type);
    try {
      JsonNode node = JSON.readTree(body);
      return schema.validate(node).stream().map(ValidationMessage::getMessage).collect(Collectors.toSet());
    } catch (IOException e) {
      return Set.of("not JSON: " + e.getMessage());
    }
  }

  private static JsonSchema schemaOf(String type) {
    String path = "org/shanhai/events/schemas/" + type + ".json";
    try (InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("no JSON Schema for event type " + type + " at " + path);
      }
      SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
      return FACTORY.getSchema(JSON.readTree(in), config);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + path, e);
    }
  }
}
