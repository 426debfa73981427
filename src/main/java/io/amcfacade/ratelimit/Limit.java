package io.amcfacade.ratelimit;

import java.time.Duration;

import io.github.bucket4j.BucketConfiguration;

/**
 * A token bucket: {@code requests} per {@code period}, refilled continuously, holding at most
 * {@code burst} tokens (a full bucket lets a quiet caller make that many requests at once).
 */
record Limit(long requests, Duration period, long burst) {

    BucketConfiguration configuration() {
        return BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(burst).refillGreedy(requests, period))
                .build();
    }

    /** Changes whenever the limit does, so stored buckets take up a new configuration. */
    long version() {
        return (requests * 31 + period.toMillis()) * 31 + burst;
    }

    /** Seconds a drained bucket needs to fill up again, for the {@code RateLimit} header's {@code t}. */
    long secondsToRefill(long missingTokens) {
        return (missingTokens * period.toMillis() / requests + 999) / 1000;
    }
}
