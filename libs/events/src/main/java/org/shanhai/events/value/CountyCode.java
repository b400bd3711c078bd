package org.shanhai.events.value;

import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A county-level unit by its six-digit administrative division code (GB/T 2260), e.g. {@code 330822}
 * 常山县. On the wire the code itself. Whether the code names a county of the programme is for the
 * services to say; this only says it is well-formed.
 */
public record CountyCode(String code) {

  private static final Pattern SIX_DIGITS = Pattern.compile("[0-9]{6}");

  public CountyCode {
    if (code == null || !SIX_DIGITS.matcher(code).matches()) {
      throw new IllegalArgumentException("a county is a six-digit GB/T 2260 code, not " + code);
    }
  }

  /** The code as a county, null for null; {@link IllegalArgumentException} when it is not six digits. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static CountyCode of(String code) {
    return code == null ? null : new CountyCode(code);
  }

  public static boolean isWellFormed(String code) {
    return code != null && SIX_DIGITS.matcher(code).matches();
  }

  @JsonValue
  @Override
  public String toString() {
    return code;
  }
}
