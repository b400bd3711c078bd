package org.shanhai.alerts.rule;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;


/**
 * One rule looked at one subject: {@code finding} when its condition holds, null when it does not
 * (an open alert for it then resolves). Level-triggered like Prometheus rules, so evaluating the
 * same state twice, in any number of instances, changes nothing the second time.
 */
public record Check(RuleId rule, Subject subject, Finding finding) {

  public boolean holds() {
    return finding != null;
  }

  /** Stable for one rule and subject: one condition is one alert however often it is seen. */
  public String fingerprint() {
    return fingerprint(rule, subject.type(), subject.id());
  }

  /** The fingerprint of a check of {@code rule} on the subject of {@code type} with {@code id}, before it is made. */
  public static String fingerprint(RuleId rule, Subject.Type type, String id) {
    try {
      byte[] digest = MessageDigest.getInstance("MD5").digest((rule.id() + '\n' + type + '\n' + id)
          .getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is part of every JRE", e);
    }
  }
}
