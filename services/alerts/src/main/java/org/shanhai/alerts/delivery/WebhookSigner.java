package org.shanhai.alerts.delivery;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.shanhai.alerts.subscription.Subscription;

/**
 * Standard Webhooks signatures: HMAC-SHA256 over {@code <webhook-id>.<webhook-timestamp>.<body>}
 * with the key of each {@code whsec_} secret, base64, each as {@code v1,<signature>}, separated by
 * spaces (several while a secret is being rotated; the receiver accepts any one it knows).
 */
public final class WebhookSigner {

  private WebhookSigner() {
  }

  public static String signature(String webhookId, long timestampSeconds, String body, List<String> secrets) {
    byte[] content = (webhookId + "." + timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8);
    return secrets.stream().map(secret -> "v1," + Base64.getEncoder().encodeToString(hmac(Subscription.key(secret),
        content))).collect(Collectors.joining(" "));
  }

  private static byte[] hmac(byte[] key, byte[] content) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(content);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
    }
  }
}
