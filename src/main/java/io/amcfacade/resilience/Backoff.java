package io.amcfacade.resilience;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential back-off with full jitter (a uniform wait below a doubling ceiling), so that callers
 * failing together do not retry together.
 */
record Backoff(Duration initial, Duration max) {

    /** The wait before retry number {@code retry} (1 for the first retry). */
    Duration before(int retry) {
        long ceiling = Math.min(max.toMillis(), initial.toMillis() << Math.min(retry - 1, 20));
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling + 1));
    }
}
