package org.shanhai.payouts;

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
 * The payouts service on a random port against the real broker and wire server of testkit. The
 * payout clock's schedule is off: tests drive the transitions themselves, when they mean to.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith({RealInfrastructure.class, ThreadsOnTimeout.class})
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "shanhai.payouts.clock-enabled=false")
// A request answers within 30 s or fails, not within WebTestClient's 5 s: on CI's two cores, shared with the
// broker, the wire server and the service's own background passes, a request now and then waits longer.
@AutoConfigureWebTestClient(timeout = "30s")
@Import(SignedInReads.class)
public @interface PayoutsServiceTest {
}
