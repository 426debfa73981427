package io.amcfacade.resilience;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The time the upstream policies read and the way they wait: the system's in production, a fake one in a
 * plain JUnit test, which then runs a call's every wait in no time.
 */
interface PolicyClock {

    PolicyClock SYSTEM = new PolicyClock() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleep(Duration wait) {
            try {
                TimeUnit.NANOSECONDS.sleep(wait.toNanos());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting to retry an AMC call", e);
            }
        }
    };

    long nanoTime();

    /** Waits {@code wait}; nothing for a wait that is not positive. */
    void sleep(Duration wait);
}
