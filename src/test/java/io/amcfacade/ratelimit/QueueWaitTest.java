package io.amcfacade.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.amcfacade.regions.Region;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A throttled retry asks the shared bucket, during its pause, how long the queue for a token is, so that it
 * joins the queue when its token would come as the pause ends. Asking must tell the truth and take nothing:
 * a retry that asked must not push every caller behind it further back.
 */
@QuarkusTest
class QueueWaitTest {

    /** A group no configuration names gets the default budget: ten a second, a burst of ten. */
    private static final int BURST = 10;

    @Inject
    OutboundRateLimiter limiter;

    @Test
    void askingHowLongTheQueueIsTellsWhenTheNextTokenComesAndTakesNothing() {
        String group = "queue-wait-" + UUID.randomUUID();
        assertThat(limiter.queueWait(Region.NA, group)).as("a full bucket: no queue").isZero();

        for (int i = 0; i < BURST; i++) {
            limiter.acquire(Region.NA, group, Duration.ZERO);
        }
        Duration queue = limiter.queueWait(Region.NA, group);
        assertThat(queue).as("the burst spent: the next token a tenth of a second away at most")
                .isPositive().isLessThanOrEqualTo(Duration.ofMillis(100));
        for (int i = 0; i < 5; i++) {
            limiter.queueWait(Region.NA, group);
        }

        long asked = System.nanoTime();
        limiter.acquire(Region.NA, group, Duration.ofMillis(150));
        assertThat(Duration.ofNanos(System.nanoTime() - asked)).as("five more questions reserved nothing")
                .isLessThan(Duration.ofMillis(150));
    }
}
