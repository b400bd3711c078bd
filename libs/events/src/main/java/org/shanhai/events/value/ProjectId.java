package org.shanhai.events.value;

import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A cooperation project's id: the key of every record about the project on every topic, so all its
 * facts stay in order and co-partitioned. Letters, digits and '-', at most 64.
 */
public record ProjectId(String value) {

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

  public ProjectId {
    if (value == null || !ID.matcher(value).matches()) {
      throw new IllegalArgumentException("a project id is 1 to 64 letters, digits and '-', not " + value);
    }
  }

  /** The id, null for null; {@link IllegalArgumentException} when malformed. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static ProjectId of(String value) {
    return value == null ? null : new ProjectId(value);
  }

  public static boolean isWellFormed(String value) {
    return value != null && ID.matcher(value).matches();
  }

  @JsonValue
  @Override
  public String toString() {
    return value;
  }
}
