package org.shanhai.alerts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The service's clock in tests: real time plus an offset a test moves forward ("90 days later"),
 * so leases, timeouts and retries keep running while the calendar jumps, in the programme's zone as
 * the service's own clock is. {@link #reset()} after use.
 */
public final class TestClock extends Clock {

  private static final ZoneId ZHEJIANG = ZoneId.of("Asia/Shanghai");

  private volatile Duration offset = Duration.ZERO;

  public void advance(Duration by) {
    offset = offset.plus(by);
  }

  public void reset() {
    offset = Duration.ZERO;
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(System.currentTimeMillis()).plus(offset);
  }

  @Override
  public ZoneId getZone() {
    return ZHEJIANG;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    TestClock self = this;
    return new Clock() {
      @Override
      public ZoneId getZone() {
        return zone;
      }

      @Override
      public Clock withZone(ZoneId other) {
        return self.withZone(other);
      }

      @Override
      public Instant instant() {
        return self.instant();
      }
    };
  }

  @TestConfiguration(proxyBeanMethods = false)
  public static class Configuration {

    @Bean
    @Primary
    TestClock testClock() {
      return new TestClock();
    }
  }
}
