package io.amcfacade.resilience;

import java.time.Duration;

/**
 * How long the last {@value #SIZE} AMC attempts of one rate group took, as far as the token-wait reserve
 * needs it: the reserve leaves time for the attempt a late token pays for, and twice the slowest recent
 * attempt is that time as AMC answers now. Until {@value #SIZE} attempts are known, and whenever one of
 * them was slow, the configured reserve stands. Thread-safe; the durations come from {@link PolicyClock}.
 */
final class RecentAttempts {

    static final int SIZE = 32;
    /** Never less: a scheduling hiccup or a GC pause must not turn a token that comes late into a cut attempt. */
    static final Duration FLOOR = Duration.ofMillis(100);

    private final long[] nanos = new long[SIZE];
    private int next;
    private int known;

    synchronized void took(long attemptNanos) {
        nanos[next] = Math.max(0, attemptNanos);
        next = (next + 1) % SIZE;
        known = Math.min(SIZE, known + 1);
    }

    /** Twice the slowest of the recent attempts, at least {@link #FLOOR}, at most {@code configured}. */
    synchronized Duration reserve(Duration configured) {
        if (known < SIZE) {
            return configured;
        }
        long slowest = 0;
        for (long n : nanos) {
            slowest = Math.max(slowest, n);
        }
        Duration reserve = Duration.ofNanos(2 * slowest);
        if (reserve.compareTo(FLOOR) < 0) {
            reserve = FLOOR;
        }
        return reserve.compareTo(configured) < 0 ? reserve : configured;
    }
}
