package org.shanhai.alerts;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.shanhai.testkit.RealInfrastructure;
import org.shanhai.testkit.SignedInReads;
import org.shanhai.testkit.ThreadsOnTimeout;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;

/**
 * The alerts service on a random port against the real broker and wire server of testkit, with a
 * clock tests move ({@link TestClock}). The rule clock's schedule is off: tests run rounds when
 * they mean to. Webhooks may go to loopback (the allow-list), and retries come quickly. Alert streams
 * are capped low (3 per instance, 4 events behind) so the tests can reach the caps.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith({RealInfrastructure.class, ThreadsOnTimeout.class})
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "shanhai.alerts.clock-enabled=false",
    "shanhai.alerts.webhooks.allowed-hosts=127.0.0.0/8",
    "shanhai.alerts.webhooks.secret-key=tests-only-key-for-the-signing-secrets",
    "shanhai.alerts.webhooks.secret-salt=746573742d73616c74",
    "shanhai.alerts.delivery.poll-interval=PT0.05S",
    "shanhai.alerts.delivery.first-retry=PT0.2S",
    "shanhai.alerts.delivery.max-attempts=4",
    "shanhai.alerts.delivery.response-timeout=PT2S",
    "shanhai.alerts.streams.max-clients=3",
    "shanhai.alerts.streams.buffer=4"})
// A request answers within 30 s or fails, not within WebTestClient's 5 s: on CI's two cores, shared with the
// broker, the wire server and the service's own background passes, a request now and then waits longer.
@AutoConfigureWebTestClient(timeout = "30s")
@Import({TestClock.Configuration.class, SignedInReads.class})
public @interface AlertsServiceTest {
}
