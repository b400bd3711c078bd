package org.shanhai.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

import org.shanhai.web.validation.Violation;
import org.shanhai.web.validation.Violations;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every write needs from its HTTP request besides the body and the acting user: the
 * {@code If-Match} version, and a fingerprint of the body that tells an idempotent replay from a
 * reused key. Also the check of ids in query parameters, which reach MongoDB filters only after they
 * match this pattern (no operator can slip through).
 */
public class RequestContext {

  public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  public static final String REPLAYED = "Idempotent-Replayed";

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
  private static final Pattern ETAG = Pattern.compile("(W/)?\"([0-9]{1,18})\"");

  private final JsonMapper json;

  public RequestContext(JsonMapper json) {
    this.json = json;
  }

  /** 201 Created at {@code location}, saying whether this answers a replayed Idempotency-Key. */
  public static ResponseEntity.BodyBuilder created(String location, boolean replayed) {
    return ResponseEntity.status(HttpStatus.CREATED).location(URI.create(location)).header(REPLAYED,
        String.valueOf(replayed));
  }

  public static String etag(long version) {
    return "\"" + version + "\"";
  }

  /** The version in {@code If-Match}, or null when absent; 400 when it is not one of our ETags. */
  public Long ifMatch(String header) {
    if (header == null) {
      return null;
    }
    var m = ETAG.matcher(header.strip());
    if (!m.matches()) {
      throw new BadRequest(List.of(new Violation("If-Match", "malformed",
          "If-Match takes the ETag the resource was read with, e.g. \"3\"")));
    }
    return Long.parseLong(m.group(2));
  }

  /** SHA-256 of the request body as bound, so formatting differences do not count as a different request. */
  public String fingerprint(Object body) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }

  public static void id(String field, String value, Violations violations) {
    if (value != null && !ID.matcher(value).matches()) {
      violations.add(field, "malformed", field + " is an id of letters, digits and '-'");
    }
  }

  /** 400 with everything found in the query parameters. */
  public static void rejectQueryIfAny(Violations violations) {
    if (!violations.isEmpty()) {
      throw new BadRequest(violations.list());
    }
  }
}
