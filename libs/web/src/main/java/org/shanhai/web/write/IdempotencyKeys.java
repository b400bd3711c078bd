package org.shanhai.web.write;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;

import org.shanhai.web.validation.InvalidInput;

/**
 * Idempotency-Key handling (IETF draft-ietf-httpapi-idempotency-key-header). A key is scoped to the
 * acting user and the kind of write, and decides the id of what the write creates: the retried
 * request collides with the first one on that id inside the same single-document write, so there is
 * no separate key store to keep consistent with the data.
 */
public final class IdempotencyKeys {

  private static final Pattern VALID = Pattern.compile("[\\x21-\\x7E]{1,255}");

  private IdempotencyKeys() {
  }

  /** The id of the resource a write creates: derived from the key when there is one, random otherwise. */
  public static String idFor(String scope, String user, String key) {
    if (key == null) {
      return UUID.randomUUID().toString();
    }
    if (!VALID.matcher(key).matches()) {
      throw new InvalidInput("Idempotency-Key", "malformed", "Idempotency-Key is 1 to 255 visible ASCII characters");
    }
    return UUID.nameUUIDFromBytes((scope + '\n' + user + '\n' + key).getBytes(StandardCharsets.UTF_8)).toString();
  }
}
