package org.shanhai.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps each service's OpenAPI document in the repository in step with the one it serves. After
 * an intended API change, refresh the copy with {@code -Dopenapi.write=true}.
 */
public final class OpenApiDocuments {

  private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

  private OpenApiDocuments() {
  }

  public static void assertMatchesKept(String served, Path kept) {
    JsonNode document = JSON.readTree(served);
    try {
      if (Boolean.getBoolean("openapi.write")) {
        Files.createDirectories(kept.getParent());
        Files.writeString(kept, JSON.writeValueAsString(JSON.treeToValue(document, Object.class)) + "\n",
            StandardCharsets.UTF_8);
      }
      assertThat(kept).as(kept + "; write it with -Dopenapi.write=true").exists();
      assertThat(JSON.readTree(Files.readString(kept))).as("served vs kept OpenAPI document").isEqualTo(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
