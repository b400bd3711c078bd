package org.shanhai.console.subscriptions;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.shanhai.console.api.AlertsApi.NewSubscription;

/**
 * A new webhook subscription as the officer fills it in: a name, the receiver's URL, the least
 * severity worth sending, and whether resolutions are sent too. The alerts service confines an
 * officer's subscription to their counties and makes up its signing secret, which is shown once.
 */
public record SubscriptionForm(String name, String url, String minSeverity, String sendResolved, String key) {

  /** Whether the form has an input for the API's {@code field} ({@code channel.url} is the URL's), where its error is shown. */
  static boolean shows(String field) {
    return Set.of("name", "channel.url").contains(field);
  }

  /** What the empty form's address starts with, for the officer to go on typing. */
  private static final String URL_START = "https://";

  static SubscriptionForm empty() {
    return new SubscriptionForm("", URL_START, "WARNING", "on", UUID.randomUUID().toString());
  }

  NewSubscription toSubscription() {
    Map<String, Object> channel = new LinkedHashMap<>();
    channel.put("type", "WEBHOOK");
    // The start left as it was is no address given: the service then says it is needed, not that it is refused.
    channel.put("url", url == null || url.isBlank() || url.strip().equals(URL_START) ? null : url.strip());
    Map<String, Object> matchers = new LinkedHashMap<>();
    if (minSeverity != null && !minSeverity.isBlank()) {
      matchers.put("minSeverity", minSeverity);
    }
    return new NewSubscription(name == null || name.isBlank() ? null : name.strip(), channel, matchers,
        sendResolved != null);
  }
}
