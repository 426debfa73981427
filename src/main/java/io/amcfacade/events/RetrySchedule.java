package io.amcfacade.events;

import java.time.Duration;
import java.time.Instant;

/**
 * When a failed delivery is tried again: the base wait after the first failure, four times longer after each
 * next one, never longer than the longest wait; and when the event has been retried long enough that the
 * subscription is disabled instead (the retry period from its first attempt).
 */
record RetrySchedule(Duration base, Duration maxInterval, Duration period) {

    static RetrySchedule of(EventsConfig config) {
        return new RetrySchedule(config.retryBase(), config.retryMaxInterval(), config.retryPeriod());
    }

    /** The wait after the {@code attempts}-th failed attempt (1 for the first). */
    Duration waitAfter(int attempts) {
        Duration wait = base.multipliedBy(1L << Math.min(2 * Math.max(attempts - 1, 0), 40));
        return wait.compareTo(maxInterval) > 0 || wait.isNegative() ? maxInterval : wait;
    }

    /** Whether an event first tried at {@code firstAttempt} is given up at {@code now}, rather than tried again. */
    boolean exhausted(Instant firstAttempt, Instant now) {
        return !now.isBefore(firstAttempt.plus(period));
    }
}
