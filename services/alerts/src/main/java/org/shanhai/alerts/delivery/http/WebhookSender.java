package org.shanhai.alerts.delivery.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import io.netty.channel.ChannelOption;
import org.shanhai.alerts.delivery.Delivery;
import org.shanhai.alerts.delivery.WebhookSigner;
import org.shanhai.alerts.delivery.Webhooks;
import org.shanhai.alerts.subscription.Subscription;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sends one delivery to its webhook as Standard Webhooks prescribe: a JSON body with
 * {@code type}, {@code timestamp} and {@code data}; headers {@code webhook-id} (the delivery's id,
 * the same on every attempt), {@code webhook-timestamp} (this attempt, in seconds) and
 * {@code webhook-signature}. Redirects are not followed (the URL policy checked this address, not another).
 */
public class WebhookSender implements Webhooks {

  static final String NOTIFICATION_TYPE = "shanhai.alerts.notification";

  private final WebClient http;
  private final JsonMapper json;
  private final Clock clock;
  private final Duration responseTimeout;

  public WebhookSender(JsonMapper json, Clock clock, Duration connectTimeout, Duration responseTimeout) {
    HttpClient client = HttpClient.create()
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) connectTimeout.toMillis())
        .responseTimeout(responseTimeout)
        .followRedirect(false);
    this.http = WebClient.builder().clientConnector(new ReactorClientHttpConnector(client)).build();
    this.json = json;
    this.clock = clock;
    this.responseTimeout = responseTimeout.plusSeconds(1);
  }

  /** The body: the same bytes on every attempt, so a receiver may compare or hash them. */
  String body(Delivery delivery) {
    ObjectNode body = json.createObjectNode();
    body.put("type", NOTIFICATION_TYPE);
    body.put("timestamp", delivery.createdAt().toString());
    ObjectNode data = body.putObject("data");
    data.put("subscriptionId", delivery.subscriptionId());
    ArrayNode notifications = data.putArray("notifications");
    for (Delivery.Item item : delivery.items()) {
      ObjectNode n = notifications.addObject();
      n.put("eventId", item.eventId());
      n.put("eventType", item.eventType());
      n.set("event", json.readTree(item.data()));
    }
    return json.writeValueAsString(body);
  }

  @Override
  public Mono<Delivery.Response> send(Delivery delivery, Subscription subscription) {
    String body = body(delivery);
    Instant now = clock.instant();
    long timestamp = now.getEpochSecond();
    return http.post().uri(subscription.channel().url())
        .contentType(MediaType.APPLICATION_JSON)
        .header("webhook-id", delivery.id())
        .header("webhook-timestamp", Long.toString(timestamp))
        .header("webhook-signature", WebhookSigner.signature(delivery.id(), timestamp, body,
            subscription.channel().signingSecrets(now)))
        .header("User-Agent", "shanhai-alerts/1")
        .bodyValue(body)
        .exchangeToMono(response -> response.releaseBody().thenReturn(new Delivery.Response(
            response.statusCode().value(), retryAfter(response.headers().asHttpHeaders().getFirst("Retry-After"), now),
            response.statusCode().is2xxSuccessful() ? null : "HTTP " + response.statusCode().value())))
        .timeout(responseTimeout)
        .onErrorResume(e -> Mono.just(new Delivery.Response(0, null, e.getClass().getSimpleName() + ": "
            + e.getMessage())));
  }

  /** {@code Retry-After} in seconds or as an HTTP date; null when absent or unreadable. */
  static Duration retryAfter(String value, Instant now) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Duration.ofSeconds(Long.parseLong(value.strip()));
    } catch (NumberFormatException e) {
      try {
        return Duration.between(now, ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME));
      } catch (DateTimeParseException unreadable) {
        return null;
      }
    }
  }
}
