package org.shanhai.testkit;

import org.springframework.test.web.reactive.server.WebTestClient;

/** What a service's {@code /actuator/prometheus} says, for tests that check a counter or a figure. */
public final class Prometheus {

  private Prometheus() {
  }

  /** The whole scrape, in Prometheus' text format (larger than WebTestClient's default buffer). */
  public static String scrape(WebTestClient http) {
    return http.mutate().codecs(c -> c.defaultCodecs().maxInMemorySize(4 * 1024 * 1024)).build()
        .get().uri("/actuator/prometheus").exchange().expectBody(String.class).returnResult().getResponseBody();
  }

  /**
   * The sum of the samples whose line starts with {@code prefix}: a name and its first labels, such
   * as {@code shanhai_events_consumed_total{application="payouts",outcome="failed"}, summed over the
   * labels after them. Zero when there is none.
   */
  public static double sum(WebTestClient http, String prefix) {
    return scrape(http).lines().filter(l -> l.startsWith(prefix))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
  }
}
